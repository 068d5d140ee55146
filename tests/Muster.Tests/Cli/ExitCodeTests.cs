using System.Text.Json;
using Muster.Cli;
using Muster.Tests.Reports;

namespace Muster.Tests.Cli;

/// <summary>
/// Regression (issue 15): exit codes the user controls. <c>--fail-on none</c> still exited 1 on failed gates, gates were
/// tunable only in a plan, and a run whose agent failed with every gate "not evaluated" exited 0.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-exit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Muster(params string[] args) => CliRunner.RunAsync(args);

    /// <summary>Only the verification gate is on, so it alone decides the exit code.</summary>
    private string Plan(string agent)
    {
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, $$"""
            name: p
            gates: {security: off, type-check: off, tests: off, documentation: off}
            waves:
              - name: w
                agents: [{{agent}}]
            """);
        return plan;
    }

    private const string Crashing = "{id: t, kind: sleep, with: {duration: 5s}, timeout: {soft: 10ms, hard: 50ms}}";
    private const string Succeeding = "{id: n, kind: noop}";

    private Task<(int Code, string Out, string Err)> Run(string agent, params string[] extra) =>
        Muster(["run", Plan(agent), "--root", _dir, "--state", Path.Combine(_dir, "state"), "--output", Path.Combine(_dir, "out"), .. extra]);

    [Fact]
    public async Task A_failed_agent_leaves_the_verification_gate_not_evaluated_and_exits_1()
    {
        var (code, _, stderr) = await Run(Crashing);

        Assert.True(code == ExitCodes.GateFailed, stderr);
        Assert.Contains("FAILED: gate Verification not evaluated: 1 agent(s) did not succeed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_turned_to_warn_is_shown_as_warn_and_exits_0()
    {
        var (code, _, stderr) = await Run(Crashing, "--gate", "Verification=warn");

        Assert.True(code == ExitCodes.Passed, stderr);
        Assert.Matches(@"Verification\s+WARN: not evaluated\s+1 agent\(s\) did not succeed", stderr);
        Assert.Contains("WARN: gate Verification not evaluated:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED:", stderr, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "out", "report.json")));
        var gates = json.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!);
        Assert.Equal(("not-evaluated", "warn"), (gates["verification"].GetProperty("status").GetString(), gates["verification"].GetProperty("mode").GetString()));
        Assert.Equal(("off", "off"), (gates["tests"].GetProperty("status").GetString(), gates["tests"].GetProperty("mode").GetString()));
        Assert.Contains("| **WARN: not evaluated** |", File.ReadAllText(Path.Combine(_dir, "out", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_code_sets_the_code_of_a_failed_run_and_a_passed_run_still_exits_0()
    {
        Assert.Equal(7, (await Run(Crashing, "--exit-code", "7")).Code);
        Assert.Equal(0, (await Run(Crashing, "--exit-code", "0")).Code);
        var passed = await Run(Succeeding, "--exit-code", "7");
        Assert.True(passed.Code == ExitCodes.Passed, passed.Err);
    }

    [Fact]
    public async Task An_unknown_gate_or_an_exit_code_out_of_range_is_a_usage_error_and_nothing_runs()
    {
        var (code, _, stderr) = await Run(Succeeding, "--gate", "test=off");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("unknown gate 'test'; did you mean 'tests'? known gates: security, type-check, tests, documentation, verification", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "state")));
        Assert.Equal(ExitCodes.UsageError, (await Run(Succeeding, "--gate", "tests=maybe")).Code);
        Assert.Equal(ExitCodes.UsageError, (await Run(Succeeding, "--exit-code", "126")).Code);
        Assert.Equal(ExitCodes.UsageError, (await Run(Succeeding, "--exit-code", "-1")).Code);
    }

    [Fact]
    public async Task An_enabled_gate_that_was_not_evaluated_fails_the_run_and_the_command_line_wins_over_the_plan()
    {
        // The plan turns type-check off; the command line turns it back on: no agent reports type errors.
        var (code, _, stderr) = await Run(Succeeding, "--gate", "type-check=fail");

        Assert.True(code == ExitCodes.GateFailed, stderr);
        Assert.Contains("FAILED: gate Type check not evaluated: no agent reported type_errors", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_none_with_every_gate_off_exits_0_despite_a_critical_finding()
    {
        var root = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "anthropic.env"), "ANTHROPIC_API_KEY=" + TestSecrets.AnthropicShaped(1515) + "\n");
        string[] audit = ["audit", root, "--state", Path.Combine(_dir, "state"), "--output", Path.Combine(_dir, "out"), "--quiet"];
        string[] allOff = [.. new[] { "security", "type-check", "tests", "documentation", "verification" }.SelectMany(g => new[] { "--gate", g + "=off" })];

        var failOnNone = await Muster([.. audit, "--fail-on", "none"]);
        Assert.True(failOnNone.Code == ExitCodes.GateFailed, failOnNone.Err);
        Assert.Contains("FAILED: gate Security:", failOnNone.Err, StringComparison.Ordinal);

        var critical = await Muster([.. audit, .. allOff]);
        Assert.True(critical.Code == ExitCodes.GateFailed, critical.Err);
        Assert.Contains("FAILED: --fail-on CRITICAL", critical.Err, StringComparison.Ordinal);

        var quiet = await Muster([.. audit, .. allOff, "--fail-on", "none"]);
        Assert.True(quiet.Code == ExitCodes.Passed, quiet.Err);
        Assert.Matches(@"Security\s+off\s+turned off on the command line \(--gate security=off\)", quiet.Err);
    }
}
