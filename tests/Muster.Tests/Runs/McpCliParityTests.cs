using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Muster.Cli;
using Muster.Cli.Mcp;
using Muster.Engine;

namespace Muster.Tests.Runs;

/// <summary>
/// Regression (issue 11): the MCP audit/run_plan tools ignored the plan's gates and owners, the trend and
/// CONTINUATION.md. The same plan runs through the CLI and through MCP; the two report.json files must agree field
/// by field, apart from what differs between any two runs (ids, times, durations, folders).
/// </summary>
public sealed class McpCliParityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-parity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Plan = """
        name: parity
        owners:
          "config/**": "@platform"
          security: "@sec"
        gates:
          security: {severity: CRITICAL}
          tests: off
          verification: {severity: HIGH}
        waves:
          - name: scan
            agents:
              - {id: secrets, kind: secrets}
              - {id: config, kind: config-audit}
        """;

    [Fact]
    public async Task The_same_plan_gives_the_same_report_through_the_cli_and_through_mcp()
    {
        var ws = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(Path.Combine(ws, "config"));
        await File.WriteAllTextAsync(Path.Combine(ws, "config", "deploy.env"), $"GITHUB_TOKEN={Muster.Tests.Agents.Secrets.Planted.GitHub(3)}\n");
        await File.WriteAllTextAsync(Path.Combine(ws, "docker-compose.yml"), "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
        // One salt for both runs (else the first creates it and the summaries differ in "salt: created" / "salt: file").
        Directory.CreateDirectory(Path.Combine(ws, ".muster"));
        await File.WriteAllTextAsync(Path.Combine(ws, ".muster", "salt"), "parity-test-salt\n");
        var plan = Path.Combine(_dir, "plan.yaml");
        await File.WriteAllTextAsync(plan, Plan);

        var cliOut = Path.Combine(_dir, "cli-reports");
        var (code, _, stderr) = await CliRunner.RunAsync("run", plan, "--root", ws, "--state", Path.Combine(_dir, "cli-state"), "--output", cliOut, "--fail-on", "none");
        Assert.True(code is 0 or 1, stderr);

        var cli = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, Loggers = NullLoggerFactory.Instance };
        await using var runs = new McpRuns();
        var answer = JsonNode.Parse(await new MusterMcpTools(cli, runs).RunPlan(plan, ws, wait_seconds: 600, state: Path.Combine(_dir, "mcp-state")))!;
        var mcpOut = answer["reports"]!.GetValue<string>();

        var fromCli = Normalized(cliOut);
        var fromMcp = Normalized(mcpOut);
        Assert.Equal(fromCli["gates"]!.ToJsonString(), fromMcp["gates"]!.ToJsonString());
        Assert.Equal(fromCli.ToJsonString(Indented), fromMcp.ToJsonString(Indented));
        Assert.Contains("@platform", fromMcp.ToJsonString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(mcpOut, ContinuationWriter.FileName)));

        // The answer carries the verdict the CLI prints: the plan's gates and what failed.
        var security = answer["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "security")!;
        Assert.Equal(fromCli["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "security")!["status"]!.GetValue<string>(), security["status"]!.GetValue<string>());
        Assert.Equal("off", answer["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "tests")!["status"]!.GetValue<string>());
        Assert.Equal(code == 0, answer["passed"]!.GetValue<bool>() || HasOnlyFailOnFailures(answer));
    }

    [Fact]
    public async Task The_cli_and_mcp_give_the_same_verdict_for_a_failed_agent_and_a_gate_turned_to_warn()
    {
        var plan = Path.Combine(_dir, "crash.yaml");
        await File.WriteAllTextAsync(plan, """
            name: crash
            gates: {security: off, type-check: off, tests: off, documentation: off}
            waves:
              - name: w
                agents: [{id: t, kind: sleep, with: {duration: 5s}, timeout: {soft: 10ms, hard: 50ms}}]
            """);
        var cli = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, Loggers = NullLoggerFactory.Instance };
        await using var runs = new McpRuns();
        var mcp = new MusterMcpTools(cli, runs);

        var failing = await CliRunner.RunAsync("run", plan, "--root", _dir, "--state", Path.Combine(_dir, "s1"));
        var failingMcp = JsonNode.Parse(await mcp.RunPlan(plan, _dir, wait_seconds: 600, state: Path.Combine(_dir, "s2")))!;
        var warned = await CliRunner.RunAsync("run", plan, "--root", _dir, "--state", Path.Combine(_dir, "s3"), "--gate", "verification=warn");
        var warnedMcp = JsonNode.Parse(await mcp.RunPlan(plan, _dir, wait_seconds: 600, state: Path.Combine(_dir, "s4"), gates: "verification=warn"))!;

        Assert.Equal((ExitCodes.GateFailed, false), (failing.Code, failingMcp["passed"]!.GetValue<bool>()));
        Assert.Contains(failingMcp["failures"]!.AsArray(), f => f!.GetValue<string>().StartsWith("gate Verification not evaluated", StringComparison.Ordinal));
        Assert.Equal((ExitCodes.Passed, true), (warned.Code, warnedMcp["passed"]!.GetValue<bool>()));
        var verification = warnedMcp["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "verification")!;
        Assert.Equal(("not-evaluated", "warn"), (verification["status"]!.GetValue<string>(), verification["mode"]!.GetValue<string>()));
        Assert.Single(warnedMcp["warnings"]!.AsArray());

        var unknown = await Assert.ThrowsAsync<ModelContextProtocol.McpException>(() => mcp.RunPlan(plan, _dir, state: Path.Combine(_dir, "s5"), gates: "verifcation=warn"));
        Assert.Contains("gates: unknown gate 'verifcation'; did you mean 'verification'?", unknown.Message, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The CLI ran with --fail-on none, MCP with the default CRITICAL: only that failure may differ.</summary>
    private static bool HasOnlyFailOnFailures(JsonNode answer) =>
        answer["failures"]!.AsArray().All(f => f!.GetValue<string>().StartsWith("--fail-on", StringComparison.Ordinal));

    private static JsonObject Normalized(string reports)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(reports, "report.json")))!.AsObject();
        var runId = json["run"]?["id"]?.GetValue<string>() ?? json["runId"]?.GetValue<string>();
        return (JsonObject)Strip(json, runId, reports)!;
    }

    // Times and what follows from them: an agent's output size includes its summary's timings.
    private static readonly string[] Volatile =
        ["startedAt", "finishedAt", "generatedAt", "durationMs", "averageDurationMs", "duration", "elapsed_ms", "seconds", "history_seconds", "mb_per_s", "outputBytes", "sizeBytes"];

    private static readonly System.Text.RegularExpressions.Regex Timing = new(@"\d+(\.\d+)? (MB/s|MB|s)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static JsonNode? Strip(JsonNode? node, string? runId, string reports) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => !Volatile.Contains(p.Key, StringComparer.Ordinal))
            .Select(p => KeyValuePair.Create(p.Key, Strip(p.Value, runId, reports)))),
        JsonArray a => new JsonArray(a.Select(x => Strip(x, runId, reports)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(
            Timing.Replace((runId is null ? s : s.Replace(runId, "RUN", StringComparison.Ordinal)).Replace(reports, "REPORTS", StringComparison.Ordinal), "T")),
        _ => node?.DeepClone(),
    };
}
