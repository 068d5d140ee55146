using System.Globalization;
using System.Text;
using Muster.Formats.Markdown;
using Muster.Formats.Mcp;
using Muster.Model;

namespace Muster.Agents.Mcp;

/// <summary>
/// MCP servers, configured against startable: reads every MCP configuration in the workspace, verifies each server
/// with the real handshake when allowed (starting a stdio server runs a program named in a workspace file, so it is
/// opt-in: <c>start-servers: true</c> or <c>muster audit --start-mcp-servers</c>), and checks status documents'
/// MCP claims against what was verified.
/// </summary>
internal sealed class McpServersAgent : IAgent
{
    public const string StartServersParameter = "mcp.start-servers";

    public static readonly AgentDescriptor Descriptor =
        new("mcp-servers", AgentRole.Verification,
            "MCP servers configured vs startable: handshake + tools/list per server (opt-in start), literal secrets, wide filesystem roots, status claims.",
            () => new McpServersAgent())
        {
            Settings = McpServersSettings.Docs,
            ValidateSettings = s => McpServersSettings.From(s),
            Metrics = [GateMetricNames.Claims],
            SoftTimeout = TimeSpan.FromMinutes(2),
            HardTimeout = TimeSpan.FromMinutes(10),
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = McpServersSettings.From(context.Settings);
        var start = settings.StartServers
            || (context.RunParameters.TryGetValue(StartServersParameter, out var p) && p.Equals("true", StringComparison.OrdinalIgnoreCase));
        var timeout = settings.Timeout;
        var maxFileBytes = settings.MaxFileBytes;
        var reader = new McpConfigReader(context.Root) { MaxFileBytes = maxFileBytes };
        var servers = reader.Read(cancellationToken);
        var probe = new McpServerProbe(context.Root, timeout, context.Time) { Environment = context.Environment.Get };
        var findings = new List<Finding>();
        var verified = new List<(McpServerConfig Server, McpProbeResult Result)>();

        // Servers are verified a few at a time: each is bounded by the timeout, so a fleet of hanging servers costs
        // ceil(n / parallel) timeouts, not n.
        var parallel = settings.Parallel;
        using var gate = new SemaphoreSlim(parallel);
        var done = 0;
        var results = await Task.WhenAll(servers.Select(async server =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var result = await VerifyAsync(server, start, probe, context, cancellationToken);
                context.ReportProgress($"{Interlocked.Increment(ref done)}/{servers.Count} MCP servers checked");
                return result with { Detail = context.Scrubber.Scrub(result.Detail) };
            }
            finally
            {
                gate.Release();
            }
        }));
        for (var i = 0; i < servers.Count; i++)
        {
            verified.Add((servers[i], results[i]));
            findings.AddRange(McpFindings.ForServer(servers[i], results[i], context.Root, context.Environment.Get("HOME")));
        }
        var claims = 0;
        var maxDocumentBytes = settings.MaxDocumentBytes;
        var documentsNotRead = new List<Muster.Workspace.WorkspaceFile>();
        findings.AddRange(McpFindings.ForClaims(context.Root, verified, started: start, () => claims++, reader.TooLarge.Count,
            (maxDocumentBytes, documentsNotRead.Add), cancellationToken));
        findings.AddRange(documentsNotRead.Select(d => SkippedInputFindings.TooLarge("agents", d.RelativePath, d.Length, maxDocumentBytes,
            StatusDocuments.MaxBytesSetting, "the MCP server counts it claims were not checked")));
        foreach (var (path, reason) in reader.Unreadable)
        {
            findings.Add(new Finding
            {
                RuleId = "MUSTER-MCP-CONFIG-UNREADABLE",
                Title = "MCP configuration could not be read",
                Severity = Severity.Medium,
                Category = "agents",
                Message = $"{path}: {reason}. Its servers are not audited.",
                Location = new SourceLocation(path),
                Remediation = "Fix the JSON so agent tools (and Muster) can read it.",
            }.WithDefaultFingerprint());
        }
        findings.AddRange(reader.TooLarge.Select(t => SkippedInputFindings.TooLarge("agents", t.Path, t.Length, maxFileBytes, "max-file-bytes",
            "the MCP servers it may declare were not read or verified")));

        var works = verified.Count(v => v.Result.Status == McpProbeStatus.Works);
        var notStarted = verified.Count(v => v.Result.Status == McpProbeStatus.NotStarted);
        return new AgentResult
        {
            Findings = findings.Select(f => f with { AgentId = context.AgentId }).ToList(),
            Artifacts = [new Artifact("mcp-servers.md", "text/markdown", Table(verified, reader.ConfigFiles))],
            Summary = Summary(servers.Count, reader, works, notStarted, start),
            Metrics = new Dictionary<string, double>
            {
                ["configured"] = servers.Count,
                ["configs_not_read"] = reader.TooLarge.Count,
                ["verified_working"] = works,
                ["not_started"] = notStarted,
                ["failing"] = verified.Count - works - notStarted,
                ["tools"] = verified.Sum(v => v.Result.ToolCount ?? 0),
                [GateMetricNames.Claims] = claims,
            },
        };
    }

    // "No MCP servers configured" only when nothing was left unread: a skipped config may declare any number.
    private static string Summary(int servers, McpConfigReader reader, int works, int notStarted, bool start)
    {
        var skipped = SkippedInputFindings.SummaryClause(reader.TooLarge.Count, "MCP config", "MCP configs");
        if (servers == 0) return skipped.Length == 0 ? "No MCP servers configured." : "No MCP servers read; " + skipped;
        return $"{servers} MCP server(s) configured in {reader.ConfigFiles.Count} file(s): {works} verified working, " +
               $"{servers - works - notStarted} failing, {notStarted} not started (unverified)" + (start ? "." : "; start-servers is off.") +
               (skipped.Length == 0 ? "" : " " + skipped);
    }

    private static async Task<McpProbeResult> VerifyAsync(McpServerConfig server, bool start, McpServerProbe probe, AgentContext context, CancellationToken cancellationToken)
    {
        if (server.IsStdio && CommandResolver.Resolve(server.Command!, context.Root, context.Environment.Get) is null)
        {
            // Resolving a command runs nothing, so it is checked even when starting servers is off.
            return new McpProbeResult(McpProbeStatus.CommandNotFound, false, false, null, $"command '{server.Command}' not found on PATH or in the workspace", TimeSpan.Zero);
        }
        if (!start && (server.IsStdio || server.IsHttp))
        {
            return new McpProbeResult(McpProbeStatus.NotStarted, false, false, null, "configured, not started: start-servers is off", TimeSpan.Zero);
        }
        return await probe.VerifyAsync(server, cancellationToken);
    }

    private static string Table(List<(McpServerConfig Server, McpProbeResult Result)> verified, List<string> files)
    {
        var table = new StringBuilder("| Server | Declared at | Kind | Configured | Starts | Answers | Tools | Status | Took |\n|---|---|---|---|---|---|---:|---|---:|\n");
        foreach (var (server, result) in verified)
        {
            var unknown = result.Status is McpProbeStatus.NotStarted;
            table.Append(CultureInfo.InvariantCulture,
                $"| {server.Name} | {server.SourcePath}:{server.Line} | {(server.IsStdio ? "stdio" : server.IsHttp ? "http" : "?")} | yes | " +
                $"{(unknown ? "unverified" : result.Started ? "yes" : "no")} | {(unknown ? "unverified" : result.Answered ? "yes" : "no")} | " +
                $"{(result.ToolCount?.ToString(CultureInfo.InvariantCulture) ?? "-")} | {result.Status}: {result.Detail.Replace("|", "\\|", StringComparison.Ordinal)} | {result.Elapsed.TotalSeconds:0.00} s |\n");
        }
        if (files.Count > 0) table.Append("\nConfiguration files: ").Append(string.Join(", ", files)).Append('\n');
        return table.ToString();
    }
}
