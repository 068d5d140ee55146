using System.CommandLine;
using Muster.Agents.Dependencies;
using Muster.Agents.Dependencies.Osv;
using Muster.Agents.Secrets.History;
using Muster.Cluster;
using Muster.Engine;
using Muster.Gates;
using Muster.Model;
using Muster.Reports;
using Muster.Runs.Config;

namespace Muster.Cli.Commands;

/// <summary>Options shared by the commands that run agents.</summary>
internal sealed class CommonOptions
{
    public Option<string?> State { get; } = new("--state") { Description = "Folder of the run journal (default: PATH/.muster)." };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Folder for the reports (default: STATE/reports/RUN_ID); '-' writes the one --format to stdout." };
    public Option<string[]> Format { get; } = new("--format", "-f")
    {
        Description = "Report formats: md, json, sarif, html (repeat or comma-separate; default: all).",
        AllowMultipleArgumentsPerToken = true,
    };
    public Option<string?> FailOn { get; } = new("--fail-on") { Description = "Exit 1 when a finding is at or above this severity (CRITICAL, HIGH, MEDIUM, LOW, INFO, none; default: muster.yaml's fail-on, else CRITICAL)." };
    public Option<string?> Config { get; } = new("--config") { Description = $"Repository config to use instead of the {RepoConfig.FileName} found from PATH upward to the git root." };
    public Option<string[]> Gate { get; } = new("--gate")
    {
        Description = $"A gate's mode, NAME=fail|warn|off (repeatable; wins over the plan's gates:). Gates: {string.Join(", ", GateNames.Ids)}.",
    };
    public Option<int> ExitCode { get; } = new("--exit-code")
    {
        Description = "Exit code when the run fails its checks (default 1; 1-125, or 0 to never fail on them).",
        DefaultValueFactory = _ => ExitCodes.GateFailed,
    };
    public Option<int> MaxParallel { get; } = new("--max-parallel") { Description = "Agents running at once within a wave.", DefaultValueFactory = _ => EngineOptions.DefaultMaxParallel };
    public Option<string[]> Set { get; } = new("--set") { Description = "Run parameter for agents, KEY=VALUE (repeatable)." };
    public Option<string?> OsvDb { get; } = new("--osv-db") { Description = "Offline OSV advisory database (folder, all.zip, or osv-offline .nedb/.jsonl) for the dependency audit; default: the cache `muster osv update` writes, when it exists." };
    public Option<string?> Sbom { get; } = new("--sbom") { Description = "Write an SBOM of the dependencies (every project, the lockfiles' full graph) to this file." };
    public Option<string?> SbomFormat { get; } = new("--sbom-format") { Description = "Format of the --sbom file: cyclonedx (CycloneDX 1.6 JSON, the default) or spdx (SPDX 2.3 JSON)." };
    public Option<bool> StartMcpServers { get; } = new("--start-mcp-servers") { Description = "Start the workspace's MCP servers (programs named in its config files) to verify them; off by default." };
    public Option<string?> History { get; } = new("--history") { Description = "Git history the secrets agent scans: all (commits reachable from HEAD, the default), since=REF, or none." };
    public Option<int?> HistoryMaxCommits { get; } = new("--history-max-commits") { Description = "Most commits of history scanned (default 10,000); older ones are reported as not verified." };
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Run the agents on the workers of this cluster (redis://HOST:PORT[/CLUSTER_ID], see 'muster worker'); the journal and reports stay here.",
    };
    public TerminalOptions Terminal { get; } = new();

    public void AddTo(Command command, bool withParameters = true)
    {
        command.Options.Add(State);
        command.Options.Add(Output);
        command.Options.Add(Format);
        command.Options.Add(FailOn);
        command.Options.Add(Config);
        command.Options.Add(Gate);
        command.Options.Add(ExitCode);
        command.Options.Add(MaxParallel);
        command.Options.Add(Cluster);
        Terminal.AddTo(command);
        if (!withParameters) return;
        command.Options.Add(Set);
        command.Options.Add(OsvDb);
        command.Options.Add(Sbom);
        command.Options.Add(SbomFormat);
        command.Options.Add(StartMcpServers);
        command.Options.Add(History);
        command.Options.Add(HistoryMaxCommits);
    }

    /// <param name="config">The repository config the run uses (the command line wins over its fail-on and gates).</param>
    public RunSession Session(CliContext cli, ParseResult parse, string stateDirectory, RepoConfig config, Suppressor suppressor)
    {
        var maxParallel = parse.GetValue(MaxParallel);
        if (maxParallel < 1) throw new UsageException($"--max-parallel must be at least 1, not {maxParallel}");
        var exitCode = parse.GetValue(ExitCode);
        if (exitCode is < 0 or > MaxExitCode) throw new UsageException($"--exit-code must be 0-{MaxExitCode} (0: never fail on the checks), not {exitCode}");
        var destination = ReportDestination.Parse(parse.GetValue(Output), parse.GetValue(Format) ?? []);
        return new RunSession(cli)
        {
            StateDirectory = stateDirectory,
            OutputDirectory = destination.Directory,
            Formats = destination.Formats,
            Stdout = destination.Stdout,
            FailOn = config.FailOnFor(parse.GetValue(FailOn) is { } failOn ? ParseFailOn(failOn) : null),
            GateModes = new GateModeOverrides([.. config.Gates.Overrides, .. ParseGates(parse.GetValue(Gate) ?? []).Overrides]),
            Suppressor = suppressor,
            FailureExitCode = exitCode,
            MaxParallel = maxParallel,
            Terminal = Terminal.Read(parse, cli.Error),
            Cluster = parse.GetValue(Cluster) is { } cluster ? ClusterAddress.Parse(cluster) : null,
        };
    }

    public Dictionary<string, string> Parameters(ParseResult parse)
    {
        var parameters = SetParameters(parse);
        if (parse.GetValue(OsvDb) is { } osv)
        {
            if (OsvDatabaseCheck.WhyUnusable(Path.GetFullPath(osv)) is { } why) throw new UsageException($"--osv-db {osv}: no advisories could be read: {why}");
            parameters["osv-db"] = Path.GetFullPath(osv);
        }
        else if (OsvCacheFolder.ExistingDefault(Environment.GetEnvironmentVariable) is { } cache)
        {
            parameters[OsvDatabaseCheck.DefaultCacheParameter] = cache;
        }
        if (parse.GetValue(Sbom) is { } sbom) parameters["sbom"] = Path.GetFullPath(sbom);
        if (parse.GetValue(SbomFormat) is { } sbomFormat)
        {
            if (!SbomFormats.IsKnown(sbomFormat)) throw new UsageException($"--sbom-format must be {SbomFormats.Names}, not '{sbomFormat}'");
            if (parse.GetValue(Sbom) is null) throw new UsageException("--sbom-format needs --sbom FILE (the file to write)");
            parameters[SbomFormats.Key] = sbomFormat;
        }
        if (parse.GetValue(StartMcpServers)) parameters["mcp.start-servers"] = "true";
        if (parse.GetValue(History) is { } history)
            parameters[HistoryScope.RunParameter] = (HistoryScope.TryParse(history, out var why) ?? throw new UsageException($"--history {why}")).ToString();
        if (parse.GetValue(HistoryMaxCommits) is { } max)
        {
            if (max < 1) throw new UsageException($"--history-max-commits must be at least 1, not {max}");
            parameters[HistoryScope.MaxCommitsRunParameter] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return parameters;
    }

    /// <summary>Only the --set pairs (resume takes these alone).</summary>
    public Dictionary<string, string> SetParameters(ParseResult parse)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(Set) ?? [])
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--set expects KEY=VALUE, not '{pair}'");
            parameters[pair[..eq]] = pair[(eq + 1)..];
        }
        return parameters;
    }

    /// <summary>126 and above mean "not executable", "not found" and signals to shells.</summary>
    private const int MaxExitCode = 125;

    private static GateModeOverrides ParseGates(string[] specs)
    {
        try
        {
            return GateModeOverrides.Parse(specs, GateModeOrigin.CommandLine);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static FailOnSetting ParseFailOn(string value) =>
        value.Equals("none", StringComparison.OrdinalIgnoreCase) ? new FailOnSetting(null)
        : SeverityText.TryParse(value, out var s) ? new FailOnSetting(s)
        : throw new UsageException($"--fail-on must be CRITICAL, HIGH, MEDIUM, LOW, INFO or none, not '{value}'");
}
