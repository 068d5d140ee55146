using System.Globalization;
using Muster.Formats;
using Muster.Formats.Compose;

namespace Muster.Formats.Services;

/// <summary>
/// The optional <c>muster.services.yaml</c>: compose files and profiles the target runs with, and services with explicit
/// probes (http url + expected status, tcp host:port, process name). See docs/infra-state.md.
/// </summary>
public sealed record ServiceManifest
{
    public const string FileName = "muster.services.yaml";

    public IReadOnlyList<IReadOnlyList<string>> ComposeGroups { get; init; } = [];
    public IReadOnlyList<string>? Profiles { get; init; }
    public IReadOnlyList<DeclaredService> Services { get; init; } = [];
    public IReadOnlyList<ComposeDiagnostic> Errors { get; init; } = [];

    public static ServiceManifest Parse(string text, string file)
    {
        ComposeNode? root;
        try
        {
            root = YamlTreeReader.Read(text, file);
        }
        catch (ComposeFormatException e)
        {
            return new ServiceManifest { Errors = [e.Diagnostic] };
        }
        if (root is null) return new ServiceManifest();
        var errors = new List<ComposeDiagnostic>();
        if (root is not ComposeMapping map)
        {
            return new ServiceManifest { Errors = [Error("a mapping with 'services:'", "start the file with 'services:'", root.Position)] };
        }
        var groups = new List<IReadOnlyList<string>>();
        if (map["compose"] is ComposeSequence compose)
        {
            foreach (var item in compose.Items)
            {
                switch (item)
                {
                    case ComposeScalar { Value: { } one }: groups.Add([one]); break;
                    case ComposeSequence many: groups.Add(many.Items.OfType<ComposeScalar>().Select(s => s.Value ?? "").ToList()); break;
                    default: errors.Add(Error("a file path or a list of files merged together", "write - docker-compose.yml or - [a.yml, b.yml]", item.Position)); break;
                }
            }
        }
        IReadOnlyList<string>? profiles = map["profiles"] switch
        {
            ComposeSequence seq => seq.Items.OfType<ComposeScalar>().Select(s => s.Value ?? "").ToList(),
            ComposeScalar { Value: { } v } => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => null,
        };
        var services = new List<DeclaredService>();
        if (map["services"] is ComposeMapping declared)
        {
            foreach (var entry in declared.Entries)
            {
                try
                {
                    services.Add(ParseService(entry));
                }
                catch (ComposeFormatException e)
                {
                    errors.Add(e.Diagnostic);
                }
            }
        }
        else if (map["services"] is { } other)
        {
            errors.Add(Error("a mapping of service names to probes", "write services:\\n  api:\\n    http: http://127.0.0.1:8080/health", other.Position));
        }
        return new ServiceManifest { ComposeGroups = groups, Profiles = profiles, Services = services, Errors = errors };
    }

    private static DeclaredService ParseService(ComposeEntry entry)
    {
        var body = entry.Value as ComposeMapping ?? new ComposeMapping(entry.KeyPosition, []);
        string? Text(ComposeNode? n) => (n as ComposeScalar)?.Value;
        var service = new DeclaredService
        {
            Name = entry.Key,
            Line = entry.KeyPosition.Line,
            Aliases = body["aliases"] is ComposeSequence a ? a.Items.OfType<ComposeScalar>().Select(s => s.Value ?? "").ToList() : [],
            Process = Text(body["process"]),
            ComposeService = Text(body["compose-service"]),
        };
        if (Text(body["timeout"]) is { } timeout)
        {
            service = service with
            {
                Timeout = DurationText.TryParse(timeout, out var t) ? t
                    : throw new ComposeFormatException("manifest-invalid", $"timeout '{timeout}' is not a duration", "write timeout: 2s", body["timeout"]!.Position),
            };
        }
        switch (body["http"])
        {
            case ComposeScalar { Value: { } url } s:
                service = service with { HttpUrl = Url(url, s.Position) };
                break;
            case ComposeMapping http:
                var expect = Text(http["expect"]) ?? "200";
                service = service with
                {
                    HttpUrl = Url(Text(http["url"]) ?? throw new ComposeFormatException("manifest-invalid", "an http probe needs 'url'", "add url: http://...", http.Position), http.Position),
                    HttpExpect = int.TryParse(expect, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599 ? code
                        : throw new ComposeFormatException("manifest-invalid", $"expect '{expect}' is not an HTTP status", "write expect: 200", http.Position),
                };
                break;
        }
        if (body["tcp"] is ComposeScalar { Value: { } tcp } tcpNode)
        {
            var colon = tcp.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(tcp[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new ComposeFormatException("manifest-invalid", $"tcp '{tcp}' is not host:port", "write tcp: 127.0.0.1:5432", tcpNode.Position);
            }
            service = service with { TcpHost = tcp[..colon].Trim('[', ']'), TcpPort = port };
        }
        if (service.HttpUrl is null && service.TcpHost is null && service.Process is null && service.ComposeService is null)
        {
            throw new ComposeFormatException("manifest-invalid", $"service '{entry.Key}' declares no probe",
                "add http:, tcp:, process: or compose-service:", entry.KeyPosition);
        }
        return service;
    }

    private static Uri Url(string text, ComposePosition position) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ComposeFormatException("manifest-invalid", $"'{text}' is not an http(s) URL", "write http: http://127.0.0.1:8080/health", position);

    private static ComposeDiagnostic Error(string expected, string fix, ComposePosition position) =>
        new(ComposeDiagnosticLevel.Error, "manifest-invalid", $"expected {expected}", fix, position);
}
