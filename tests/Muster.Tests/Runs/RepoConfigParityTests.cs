using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Muster.Cli;
using Muster.Cli.Mcp;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Runs;

/// <summary>The MCP audit tool honours muster.yaml and .musterignore as the CLI does: the same verdict, the same suppressions.</summary>
public sealed class RepoConfigParityTests : IDisposable
{
    private readonly TempTree _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Cli_and_mcp_audits_give_the_same_verdict_under_the_repository_config()
    {
        var ws = Path.Combine(_dir.Path, "ws");
        Directory.CreateDirectory(Path.Combine(ws, ".git"));
        File.WriteAllText(Path.Combine(ws, "docker-compose.yml"), "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n    restart: always\n");
        File.WriteAllText(Path.Combine(ws, "deploy.env"), $"GITHUB_TOKEN={Planted.GitHub(41)}\n");
        File.WriteAllText(Path.Combine(ws, "plan.yaml"), """
            name: parity
            gates: {type-check: off, documentation: off}
            waves: [{name: scan, agents: [{id: config, kind: config-audit}, {id: secrets, kind: secrets, with: {history: none}}]}]
            """);
        // tests: warn and fail-on HIGH come from muster.yaml; the privileged container is suppressed; the token is not.
        File.WriteAllText(Path.Combine(ws, "muster.yaml"), "plan: plan.yaml\ngates: {tests: warn}\nfail-on: HIGH\n");
        File.WriteAllText(Path.Combine(ws, ".musterignore"), "- rule: MUSTER-COMPOSE-001\n  paths: [docker-compose.yml]\n  reason: reviewed\n");

        var (code, _, stderr) = await CliRunner.RunAsync("audit", ws, "--state", Path.Combine(_dir.Path, "cli-state"), "--output", Path.Combine(_dir.Path, "cli-out"), "--format", "json");
        var cli = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, Loggers = NullLoggerFactory.Instance };
        await using var runs = new McpRuns();
        var answer = JsonNode.Parse(await new MusterMcpTools(cli, runs).Audit(ws, wait_seconds: 600, state: Path.Combine(_dir.Path, "mcp-state")))!;
        var cliReport = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_dir.Path, "cli-out", "report.json")))!;
        var mcpReport = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(answer["reports"]!.GetValue<string>(), "report.json")))!;

        Assert.Equal(1, code);
        Assert.False(answer["passed"]!.GetValue<bool>());
        var cliFailures = stderr.Split('\n').Where(l => l.StartsWith("FAILED: ", StringComparison.Ordinal)).Select(l => l["FAILED: ".Length..].TrimEnd()).ToList();
        Assert.Equal(cliFailures, answer["failures"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains(cliFailures, f => f.StartsWith("--fail-on HIGH", StringComparison.Ordinal));
        Assert.Equal(1, answer["suppressed"]!.GetValue<int>());
        Assert.Equal(Path.Combine(ws, "muster.yaml"), answer["config"]!.GetValue<string>());
        Assert.Equal(Suppressed(cliReport), Suppressed(mcpReport));
        Assert.Equal(["MUSTER-COMPOSE-001"], Suppressed(mcpReport));
        Assert.Equal(Gates(cliReport), Gates(mcpReport));
        Assert.Contains("tests:warn:not-evaluated", Gates(mcpReport));
    }

    private static List<string> Suppressed(JsonNode report) => report["suppressed"]!.AsArray().Select(s => s!["ruleId"]!.GetValue<string>()).ToList();

    private static List<string> Gates(JsonNode report) =>
        report["gates"]!.AsArray().Select(g => $"{g!["id"]!.GetValue<string>()}:{g["mode"]!.GetValue<string>()}:{g["status"]!.GetValue<string>()}").ToList();
}
