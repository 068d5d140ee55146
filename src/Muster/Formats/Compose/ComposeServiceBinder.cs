using System.Globalization;

namespace Muster.Formats.Compose;

/// <summary>Turns one merged service tree into a <see cref="ComposeService"/>; bad values become diagnostics, not exceptions.</summary>
internal static class ComposeServiceBinder
{
    public static ComposeService Bind(string name, ComposePosition position, ComposeMapping raw, List<ComposeDiagnostic> diagnostics)
    {
        T? Guard<T>(Func<T?> read) where T : class
        {
            try
            {
                return read();
            }
            catch (ComposeFormatException e)
            {
                diagnostics.Add(e.Diagnostic);
                return null;
            }
        }

        return new ComposeService
        {
            Name = name,
            Position = position,
            Raw = raw,
            Image = Text(raw["image"]),
            ContainerName = Text(raw["container_name"]),
            Build = Guard(() => Build(raw["build"])),
            Ports = Guard(() => Ports(raw["ports"], diagnostics)) ?? [],
            Expose = Strings(raw["expose"]),
            Environment = Guard(() => Map(raw["environment"])) ?? new Dictionary<string, string?>(),
            EnvFiles = EnvFiles(raw["env_file"]),
            Healthcheck = Guard(() => Healthcheck(raw["healthcheck"])),
            Restart = Text(raw["restart"]),
            DependsOn = Guard(() => DependsOn(raw["depends_on"])) ?? new Dictionary<string, string>(),
            Profiles = Strings(raw["profiles"]),
            Networks = raw["networks"] is ComposeMapping nets ? nets.Entries.Select(e => e.Key).ToList() : Strings(raw["networks"]),
            NetworkMode = Text(raw["network_mode"]),
            Volumes = raw["volumes"] is ComposeSequence vols
                ? vols.Items.Select(v => v is ComposeScalar s ? s.Value ?? "" : ComposeMerger.VolumeTarget(v) ?? "").ToList()
                : [],
            Secrets = raw["secrets"] is ComposeSequence secrets
                ? secrets.Items.Select(s => s is ComposeScalar sc ? sc.Value ?? "" : (s as ComposeMapping)?["source"] is ComposeScalar src ? src.Value ?? "" : "").ToList()
                : [],
            Replicas = Guard(() => Replicas(raw)) is { } r ? r.Value : null,
        };
    }

    private static string? Text(ComposeNode? node) => node is ComposeScalar s ? s.Value : null;

    private static IReadOnlyList<string> Strings(ComposeNode? node) => node switch
    {
        ComposeSequence seq => seq.Items.OfType<ComposeScalar>().Select(s => s.Value ?? "").ToList(),
        ComposeScalar { Value: { } v } => [v],
        _ => [],
    };

    private static IReadOnlyList<string> EnvFiles(ComposeNode? node) => node switch
    {
        ComposeSequence seq => seq.Items.Select(i => i is ComposeMapping m ? Text(m["path"]) ?? "" : Text(i) ?? "").ToList(),
        ComposeScalar { Value: { } v } => [v],
        _ => [],
    };

    private static ComposeBuild? Build(ComposeNode? node) => node switch
    {
        null => null,
        ComposeMapping m => new ComposeBuild(Text(m["context"]) ?? ".", Text(m["dockerfile"]), Map(m["args"]), m.Position),
        ComposeScalar { Value: { } v } s => new ComposeBuild(v, null, new Dictionary<string, string?>(), s.Position),
        _ => throw new ComposeFormatException("build-invalid", "'build' must be a folder or a mapping with 'context'",
            "write build: ./folder or build: { context: ./folder, dockerfile: Dockerfile }", node.Position),
    };

    private static IReadOnlyList<ComposePort> Ports(ComposeNode? node, List<ComposeDiagnostic> diagnostics)
    {
        if (node is null) return [];
        if (node is not ComposeSequence seq)
        {
            throw new ComposeFormatException("ports-invalid", "'ports' must be a list", "write each port as a list item: - \"8080:80\"", node.Position);
        }
        var ports = new List<ComposePort>();
        foreach (var item in seq.Items)
        {
            if (item is ComposeScalar scalar && ComposePortParser.IsYaml11Sexagesimal(scalar))
            {
                diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Advice, "yaml11-sexagesimal-port",
                    $"unquoted port mapping {scalar.Value} is read by YAML 1.1 parsers (docker-compose v1, PyYAML) as the base-60 number {Sexagesimal(scalar.Value!)}",
                    $"quote it: \"{scalar.Value}\"", scalar.Position));
            }
            try
            {
                ports.Add(ComposePortParser.Parse(item));
            }
            catch (ComposeFormatException e)
            {
                diagnostics.Add(e.Diagnostic);
            }
        }
        return ports;
    }

    internal static long Sexagesimal(string text)
    {
        long value = 0;
        foreach (var part in text.TrimStart('+', '-').Replace("_", "", StringComparison.Ordinal).Split(':'))
        {
            value = value * 60 + long.Parse(part, CultureInfo.InvariantCulture);
        }
        return text.StartsWith('-') ? -value : value;
    }

    private static IReadOnlyDictionary<string, string?> Map(ComposeNode? node) => node switch
    {
        null => new Dictionary<string, string?>(),
        ComposeMapping m => m.Entries.ToDictionary(e => e.Key, e => e.Value is ComposeScalar s ? s.Value : null, StringComparer.Ordinal),
        _ => throw new ComposeFormatException("mapping-invalid", "expected KEY: value pairs or a list of KEY=VALUE",
            "write one variable per line as KEY: value", node.Position),
    };

    private static IReadOnlyDictionary<string, string> DependsOn(ComposeNode? node) => node switch
    {
        null => new Dictionary<string, string>(),
        ComposeMapping m => m.Entries.ToDictionary(e => e.Key,
            e => e.Value is ComposeMapping c && Text(c["condition"]) is { } cond ? cond : "service_started", StringComparer.Ordinal),
        _ => throw new ComposeFormatException("depends-on-invalid", "'depends_on' must be a list of service names or a mapping",
            "write depends_on: [db] or depends_on: { db: { condition: service_healthy } }", node.Position),
    };

    private static ComposeHealthcheck? Healthcheck(ComposeNode? node)
    {
        if (node is null) return null;
        if (node is not ComposeMapping m)
        {
            throw new ComposeFormatException("healthcheck-invalid", "'healthcheck' must be a mapping",
                "write healthcheck: { test: [\"CMD\", \"...\"], interval: 30s }", node.Position);
        }
        var test = m["test"] switch
        {
            ComposeSequence seq => seq.Items.Select(i => Text(i) ?? "").ToList(),
            ComposeScalar { Value: { } v } => ["CMD-SHELL", v],
            _ => new List<string>(),
        };
        var disabled = Text(m["disable"]) is "true" or "True" || test is ["NONE", ..];
        int? retries = Text(m["retries"]) is { } r
            ? int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                : throw new ComposeFormatException("healthcheck-invalid", $"retries '{r}' is not a whole number", "write retries: 3", m["retries"]!.Position)
            : null;
        return new ComposeHealthcheck(test, disabled, Text(m["interval"]), Text(m["timeout"]), retries, Text(m["start_period"]), m.Position);
    }

    private static StrongBox? Replicas(ComposeMapping raw)
    {
        var node = (raw["deploy"] as ComposeMapping)?["replicas"] ?? raw["scale"];
        if (node is not ComposeScalar { Value: { } text }) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? new StrongBox(n)
            : throw new ComposeFormatException("replicas-invalid", $"replicas '{text}' is not a whole number", "write replicas: 2", node.Position);
    }

    private sealed record StrongBox(int Value);
}
