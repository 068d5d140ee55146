using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Tests.Cli;
using Xunit.Abstractions;

namespace Muster.Tests.Leaks;

/// <summary>
/// Issue 18's leak test: a workspace planting a value of every secret rule's shape in every place Muster reads text
/// from (<see cref="LeakWorkspace"/>) is audited by the real CLI, with every report format and an SBOM, and by the
/// MCP server; no 12-character run of any planted value may appear in any output, the journal's raw bytes (its WAL
/// included, read while the server still holds the database open), CONTINUATION.md, stdout or stderr.
/// </summary>
public sealed class EndToEndLeakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_planted_value_leaves_the_cli_or_the_mcp_server_whole()
    {
        using var workspace = LeakWorkspace.Generate();
        using var work = new TempTree();
        var scan = new LeakScan(workspace.Plants);

        await AuditWithTheCli(workspace, work.Path, scan);
        await RunPlanThroughMcp(workspace, work.Path, scan);

        var hits = scan.Hits;
        output.WriteLine($"{workspace.Plants.Count} planted values, {scan.Outputs} outputs read ({scan.WalSnapshots} journal WAL snapshots), {hits.Count} hits");
        Assert.True(scan.WalSnapshots > 0, "no journal -wal file was seen while a run wrote it");
        Assert.True(hits.Count == 0, $"{hits.Count} leak(s):\n" + string.Join("\n", hits));
    }

    private async Task AuditWithTheCli(LeakWorkspace workspace, string work, LeakScan scan)
    {
        var reports = Path.Combine(work, "cli-out");
        var state = Path.Combine(work, "cli-state");
        var sbom = Path.Combine(work, "cli-sbom", "sbom.cdx.json");
        var args = new List<string>
        {
            "audit", workspace.Root, "--plan", WritePlan(work, Path.Combine(work, "mcp-sbom", "sbom.spdx.json")),
            "--format", "md,json,sarif,html", "--output", reports, "--state", state, "--sbom", sbom, "--sbom-format", "cyclonedx",
            "--min-severity", "INFO", "--findings-limit", "100000",
        };
        foreach (var parameter in workspace.RunParameters) args.AddRange(["--set", parameter]);
        using var stop = new CancellationTokenSource();
        using var muster = MusterProcess.Start(workspace.Root, [.. args]);
        var watch = scan.WatchAsync("cli (live)", state, stop.Token);

        var code = await muster.WaitAsync(TimeSpan.FromMinutes(5));
        await stop.CancelAsync();
        await watch;

        output.WriteLine($"cli: exit {code}, peak RSS {muster.PeakRssMegabytes} MB");
        Assert.True(code is 0 or 1, $"exit {code}: {muster.Stderr}");
        AssertEveryPlantWasFound(workspace, File.ReadAllText(Path.Combine(reports, "report.json")));
        Assert.True(File.Exists(Path.Combine(reports, "CONTINUATION.md")), "no CONTINUATION.md");
        Assert.True(File.Exists(sbom), "no SBOM: " + muster.Stderr);
        scan.Check("cli stdout", muster.Stdout);
        scan.Check("cli stderr", muster.Stderr);
        scan.CheckFiles("cli", reports, state, Path.GetDirectoryName(sbom)!);
    }

    private async Task RunPlanThroughMcp(LeakWorkspace workspace, string work, LeakScan scan)
    {
        var state = Path.Combine(work, "mcp-state");
        await using var mcp = await RawMcpSession.StartAsync(workspace.Root);
        using var stop = new CancellationTokenSource();
        var watch = scan.WatchAsync("mcp (live)", state, stop.Token);
        var run = await mcp.CallToolAsync("run_plan", new JsonObject
        {
            ["plan"] = Path.Combine(work, "plan.yaml"),
            ["root"] = workspace.Root,
            ["state"] = state,
            ["wait_seconds"] = 300,
        }, TimeSpan.FromMinutes(6));
        await stop.CancelAsync();
        await watch;
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var runId = run.GetProperty("run_id").GetString()!;
        await mcp.CallToolAsync("run_status", new JsonObject { ["run_id"] = runId }, TimeSpan.FromSeconds(60));
        foreach (var fingerprint in await AllFingerprints(mcp, runId, state))
        {
            await mcp.CallToolAsync("get_finding", new JsonObject { ["run_id"] = runId, ["state"] = state, ["fingerprint"] = fingerprint }, TimeSpan.FromSeconds(60));
        }
        var code = await mcp.CloseAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        scan.Check("mcp stdout", mcp.Stdout);
        scan.Check("mcp stderr", mcp.Stderr);
        scan.CheckFiles("mcp", state, run.GetProperty("reports").GetString()!, Path.Combine(work, "mcp-sbom"));
    }

    private static async Task<List<string>> AllFingerprints(RawMcpSession mcp, string runId, string state)
    {
        var fingerprints = new List<string>();
        for (var page = 1; ; page++)
        {
            var listed = await mcp.CallToolAsync("list_findings", new JsonObject { ["run_id"] = runId, ["state"] = state, ["page"] = page, ["page_size"] = 200 },
                TimeSpan.FromSeconds(60));
            fingerprints.AddRange(listed.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!));
            if (page >= listed.GetProperty("pages").GetInt32()) return fingerprints;
        }
    }

    /// <summary>The built-in plan, its SBOM as SPDX (the CLI's --sbom wins over it), then command agents printing the planted tool output.</summary>
    private static string WritePlan(string work, string spdxSbom)
    {
        var builtIn = DefaultPlan.Yaml(BuiltInAgents.CreateRegistry());
        const string dependencies = "        kind: dependencies\n";
        Assert.Contains(dependencies, builtIn, StringComparison.Ordinal);
        var plan = builtIn.Replace(dependencies, dependencies + $"        with: {{sbom: '{spdxSbom}', sbom-format: spdx}}\n", StringComparison.Ordinal) + """
              - name: tools
                agents:
                  - id: tool-raw
                    kind: command
                    with: {program: sh, args: ["-c", "cat tool/stdout.txt; cat tool/stderr.txt >&2"]}
                  - id: tool-regex
                    kind: command
                    with: {program: sh, args: ["-c", "cat tool/stdout.txt"], parser: regex, pattern: '^(?<file>[^:]+):(?<line>\d+): (?<severity>\w+): (?<message>.*)$'}
                  - id: tool-sarif
                    kind: command
                    with: {program: sh, args: ["-c", "mkdir -p tool-out && cat tool/report.sarif > tool-out/report.sarif"], parser: sarif, output-file: tool-out/report.sarif}
                  - id: tool-fails
                    kind: command
                    with: {program: sh, args: ["-c", "cat tool/stdout.txt; cat tool/stderr.txt >&2; exit 3"]}
            """;
        var path = Path.Combine(work, "plan.yaml");
        File.WriteAllText(path, plan);
        return path;
    }

    private static void AssertEveryPlantWasFound(LeakWorkspace workspace, string reportJson)
    {
        using var json = JsonDocument.Parse(reportJson);
        var found = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object)
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("location").GetProperty("path").GetString()!))
            .ToList();
        var missing = workspace.MustBeFound.Where(m => !found.Any(f => f.Item2 == m.Path && f.Item1.StartsWith(m.RuleId, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "the secrets agent did not report: " + string.Join(", ", missing));
    }
}
