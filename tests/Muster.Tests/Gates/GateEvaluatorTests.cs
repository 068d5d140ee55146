using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;

namespace Muster.Tests.Gates;

public class GateEvaluatorTests
{
    private static AgentOutcome Agent(string id, string kind, AgentState state = AgentState.Succeeded, Dictionary<string, double>? metrics = null, params Finding[] findings) => new()
    {
        AgentId = id,
        Kind = kind,
        Role = AgentRole.Scanner,
        WaveIndex = 0,
        State = state,
        Attempts = 1,
        Result = new AgentResult { Metrics = metrics ?? new Dictionary<string, double>(), Findings = findings },
    };

    private static Finding F(string rule, Severity severity, string category, Dictionary<string, string>? properties = null) => new Finding
    {
        RuleId = rule,
        Title = rule,
        Severity = severity,
        Category = category,
        Message = rule,
        Location = new SourceLocation("config/.env", 2),
        Properties = properties ?? new Dictionary<string, string>(),
    }.WithDefaultFingerprint();

    private static GateResult Gate(string id, params AgentOutcome[] agents) => Gate(id, GateSettings.Default, agents);

    private static GateResult Gate(string id, GateSettings settings, params AgentOutcome[] agents)
    {
        var outcome = new RunOutcome { RunId = "r", PlanName = "p", Root = "/nowhere", Agents = agents };
        return GateEvaluator.Evaluate(outcome, GapRegister.Build(outcome), settings).Single(g => g.Id == id);
    }

    [Fact]
    public void Every_gate_is_not_evaluated_without_data_never_passed()
    {
        var outcome = new RunOutcome { RunId = "r", PlanName = "p", Root = "/nowhere" };
        var gates = GateEvaluator.Evaluate(outcome, GapRegister.Build(outcome), GateSettings.Default);

        Assert.Equal(["security", "type-check", "tests", "documentation", "verification"], gates.Select(g => g.Id));
        Assert.All(gates, g => Assert.Equal(GateStatus.NotEvaluated, g.Status));
        Assert.All(gates, g => Assert.False(string.IsNullOrWhiteSpace(g.Summary)));
    }

    [Fact]
    public void Security_fails_on_an_exposed_key_and_passes_only_after_a_secrets_scan()
    {
        var failed = Gate("security", Agent("s", "secrets", findings: F("secrets/key", Severity.Critical, "security")));
        Assert.Equal(GateStatus.Failed, failed.Status);
        Assert.Contains("config/.env:2", Assert.Single(failed.Evidence), StringComparison.Ordinal);

        Assert.Equal(GateStatus.Passed, Gate("security", Agent("s", "secrets", metrics: new() { ["files_scanned"] = 40 }, findings: F("secrets/weak", Severity.Medium, "security"))).Status);
        Assert.Equal(GateStatus.NotEvaluated, Gate("security", Agent("s", "secrets", AgentState.TimedOut)).Status);
        Assert.Equal(GateStatus.NotEvaluated, Gate("security", Agent("i", "workspace-inventory")).Status);
        Assert.Equal(GateStatus.Passed, Gate("security", GateSettings.Default with { SecuritySeverity = Severity.Critical },
            Agent("s", "secrets", findings: F("secrets/key", Severity.High, "security"))).Status);
    }

    [Fact]
    public void Type_check_uses_the_type_errors_metric_of_agents_that_succeeded()
    {
        Assert.Equal(GateStatus.Failed, Gate("type-check", Agent("tsc", "command", metrics: new() { ["type_errors"] = 3 })).Status);
        Assert.Equal(GateStatus.Passed, Gate("type-check", Agent("tsc", "command", metrics: new() { ["type_errors"] = 0 })).Status);
        Assert.Equal(GateStatus.NotEvaluated, Gate("type-check", Agent("tsc", "command", AgentState.Failed, new() { ["type_errors"] = 0 })).Status);
        Assert.Equal(GateStatus.Passed, Gate("type-check", GateSettings.Default with { MaxTypeErrors = 5 }, Agent("tsc", "command", metrics: new() { ["type_errors"] = 3 })).Status);
    }

    [Fact]
    public void Tests_need_junit_results_and_hygiene_counts_and_fail_on_either()
    {
        var junitClean = Agent("junit", "command", metrics: new() { ["tests_total"] = 10, ["tests_failed"] = 0, ["tests_skipped"] = 0 });
        var hygieneClean = Agent("hygiene", "test-hygiene", metrics: new() { ["tests_total"] = 12, ["tests_skipped"] = 0, ["tests_focused"] = 0 });

        Assert.Equal(GateStatus.Passed, Gate("tests", junitClean, hygieneClean).Status);
        Assert.Equal(GateStatus.NotEvaluated, Gate("tests", junitClean).Status);
        Assert.Equal(GateStatus.NotEvaluated, Gate("tests", hygieneClean).Status);

        var failing = Gate("tests", Agent("junit", "command", metrics: new() { ["tests_total"] = 10, ["tests_failed"] = 1, ["tests_skipped"] = 0 }), hygieneClean);
        Assert.Equal(GateStatus.Failed, failing.Status);
        Assert.Contains("pass rate 90%", failing.Summary, StringComparison.Ordinal);

        var focused = Gate("tests", Agent("hygiene", "test-hygiene", metrics: new() { ["tests_skipped"] = 0, ["tests_focused"] = 2 }));
        Assert.Equal(GateStatus.Failed, focused.Status);
        Assert.Equal(GateStatus.Failed, Gate("tests", Agent("hygiene", "test-hygiene", metrics: new() { ["tests_skipped"] = 1, ["tests_focused"] = 0 }), junitClean).Status);
        Assert.Equal(GateStatus.Passed, Gate("tests", GateSettings.Default with { AllowSkipped = true, MinPassRate = 0.9 },
            Agent("junit", "command", metrics: new() { ["tests_total"] = 13, ["tests_failed"] = 1, ["tests_skipped"] = 3 }), hygieneClean).Status);
    }

    [Fact]
    public void Documentation_fails_on_an_unverified_claim_and_passes_only_with_every_count()
    {
        var claim = Gate("documentation", Agent("infra", "infra-state", findings: F(GateEvaluator.UnverifiedClaimRule, Severity.Medium, "infrastructure")));
        Assert.Equal(GateStatus.Failed, claim.Status);
        Assert.Equal(GateStatus.Failed, Gate("documentation", Agent("x", "x", findings: F("other", Severity.Low, "infrastructure", new() { ["verification"] = "unverified" }))).Status);

        var counts = new Dictionary<string, double> { ["undocumented_services"] = 0, ["claims"] = 4 };
        Assert.Equal(GateStatus.Passed, Gate("documentation", Agent("docs", "docs", metrics: counts)).Status);
        Assert.Equal(GateStatus.Failed, Gate("documentation", Agent("docs", "docs", metrics: new(counts) { ["undocumented_services"] = 2 })).Status);
        Assert.Equal(GateStatus.NotEvaluated, Gate("documentation", Agent("docs", "docs", metrics: new() { ["claims"] = 4 })).Status);
    }

    [Fact]
    public void Documentation_passes_on_what_infra_state_reports_and_reads_no_metric_nobody_produces()
    {
        // Regression (issue 11): the gate also read 'undocumented_outputs', which no agent produces, so it was never evaluated.
        var infra = Agent("infra", "infra-state", metrics: new() { ["undocumented_services"] = 0, ["claims"] = 3 });
        var gate = Gate("documentation", infra);
        Assert.Equal(GateStatus.Passed, gate.Status);
        Assert.DoesNotContain("output", gate.Requirement, StringComparison.Ordinal);
    }

    [Fact]
    public void Verification_fails_on_a_critical_gap_and_is_not_evaluated_while_an_agent_did_not_succeed()
    {
        Assert.Equal(GateStatus.Failed, Gate("verification", Agent("s", "secrets", findings: F("k", Severity.Critical, "security"))).Status);
        Assert.Equal(GateStatus.Passed, Gate("verification", Agent("s", "secrets", findings: F("k", Severity.High, "security"))).Status);
        var partial = Gate("verification", Agent("s", "secrets"), Agent("d", "deps", AgentState.Cancelled));
        Assert.Equal(GateStatus.NotEvaluated, partial.Status);
        Assert.Contains("agent d: cancelled", partial.Evidence);
    }

    [Fact]
    public void A_gate_turned_off_is_off_and_never_fails()
    {
        var gate = Gate("verification", GateSettings.Default.WithMode("verification", GateMode.Off, GateModeOrigin.Plan), Agent("s", "secrets", findings: F("k", Severity.Critical, "security")));
        Assert.Equal(GateStatus.Off, gate.Status);
        Assert.Equal(GateMode.Off, gate.Mode);
        Assert.False(gate.Blocks);
        Assert.Equal("turned off in the plan's gates:", gate.Summary);
    }

    [Fact]
    public void A_gate_in_warn_mode_is_evaluated_shown_as_warn_and_does_not_block()
    {
        var warn = GateSettings.Default.WithMode("verification", GateMode.Warn, GateModeOrigin.CommandLine);
        var failed = Gate("verification", warn, Agent("s", "secrets", findings: F("k", Severity.Critical, "security")));
        Assert.Equal(GateStatus.Failed, failed.Status);
        Assert.Equal(("WARN", false, true), (failed.Label, failed.Blocks, failed.Warns));

        var notEvaluated = Gate("verification", warn, Agent("d", "deps", AgentState.Failed));
        Assert.Equal(GateStatus.NotEvaluated, notEvaluated.Status);
        Assert.Equal(("WARN: not evaluated", false), (notEvaluated.Label, notEvaluated.Blocks));

        var passed = Gate("verification", warn, Agent("s", "secrets"));
        Assert.Equal(("pass", false, false), (passed.Label, passed.Blocks, passed.Warns));
    }

    [Fact]
    public void A_gate_in_fail_mode_blocks_when_it_failed_or_was_not_evaluated()
    {
        Assert.True(Gate("verification", Agent("s", "secrets", findings: F("k", Severity.Critical, "security"))).Blocks);
        Assert.True(Gate("verification", Agent("d", "deps", AgentState.Failed)).Blocks);
        Assert.False(Gate("verification", Agent("s", "secrets")).Blocks);
    }
}
