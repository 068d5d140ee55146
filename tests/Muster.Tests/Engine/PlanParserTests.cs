using Muster.Agents;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Tests.Engine;

public class PlanParserTests
{
    private static readonly PlanParser Parser = new(BuiltInAgents.CreateRegistry());

    private static IReadOnlyList<PlanError> Errors(string yaml) =>
        Assert.Throws<PlanException>(() => Parser.Parse(yaml, "plan.yaml")).Errors;

    [Fact]
    public void A_setting_of_the_wrong_type_is_a_plan_error_at_its_line()
    {
        // Regression (issue 11): 'plan check' accepted 'threads: lots' and the secrets agent failed mid-run.
        var errors = Errors("""
            name: p
            waves:
              - name: w
                agents:
                  - id: secrets
                    kind: secrets
                    with:
                      include: ["src/**"]
                      threads: lots
            """);
        var error = Assert.Single(errors);
        Assert.Equal(9, error.Line);
        Assert.Contains("setting 'threads' must be a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("'threads'", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allow_regex_that_does_not_compile_is_a_plan_error()
    {
        var error = Assert.Single(Errors("name: p\nwaves:\n  - name: w\n    agents: [{id: s, kind: secrets, with: {allow-regexes: ['(']}}]\n"));
        Assert.Equal(4, error.Line);
        Assert.Contains("allow-regexes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_plan_parses_with_every_setting()
    {
        var plan = Parser.Parse("""
            name: nightly
            max-parallel: 6
            budget: {usd: 5}
            waves:
              - name: Wave 1
                agents:
                  - id: inventory
                    kind: workspace-inventory
                    role: scanner
                    with: {large-file-bytes: 1000, exclude: ["*.log"]}
                    timeout: {soft: 30s, hard: 2m}
                    retries: 2
                    retry-backoff: 500ms
                exit:
                  - all-succeeded
                  - min-success-rate: 0.9
                  - max-findings: {severity: HIGH, count: 3}
                  - agents-done: [inventory]
                on-fail: continue
            """, "plan.yaml");

        Assert.Equal(("nightly", 6, 5m), (plan.Name, plan.MaxParallel, plan.BudgetUsd));
        var wave = Assert.Single(plan.Waves);
        Assert.True(wave.ContinueOnFail);
        Assert.Equal(["all-succeeded", "min-success-rate: 0.9", "max-findings: {severity: HIGH, count: 3}", "agents-done: [inventory]"],
            wave.Exit.Select(e => e.Text));
        var agent = Assert.Single(wave.Agents);
        Assert.Equal((AgentRole.Scanner, 2, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500)),
            (agent.Role, agent.Retries, agent.SoftTimeout, agent.HardTimeout, agent.RetryBackoff));
        Assert.Equal(1000, agent.Settings.GetInt("large-file-bytes", 0));
        Assert.Equal(["*.log"], agent.Settings.GetStringList("exclude"));
    }

    [Fact]
    public void Unknown_kind_lists_the_known_kinds_and_suggests_the_closest()
    {
        var error = Assert.Single(Errors("name: p\nwaves:\n  - name: w\n    agents:\n      - id: a\n        kind: sleeep\n"));

        Assert.Equal((6, 15), (error.Line, error.Column));
        Assert.Equal("unknown agent kind 'sleeep'", error.Message);
        Assert.StartsWith("did you mean 'sleep'? known kinds: ", error.Fix, StringComparison.Ordinal);
        Assert.Contains("noop, ", error.Fix, StringComparison.Ordinal);
        Assert.Contains("sleep", error.Fix, StringComparison.Ordinal);
        Assert.StartsWith("plan.yaml:6:15: unknown agent kind 'sleeep'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_point_at_the_second_and_name_the_first()
    {
        var error = Assert.Single(Errors("name: p\nwaves:\n  - name: w\n    agents:\n      - {id: a, kind: noop}\n      - {id: a, kind: noop}\n"));

        Assert.Equal(6, error.Line);
        Assert.Equal("duplicate agent id 'a' (first declared at line 5)", error.Message);
    }

    [Theory]
    [InlineData("timeout: {soft: -5s, hard: 1m}", "'timeout.soft' must be positive, not '-5s'")]
    [InlineData("timeout: {soft: 5m, hard: 1m}", "soft timeout 5m is longer than hard timeout 1m")]
    [InlineData("timeout: soon", "'timeout' is not a duration: 'soon'")]
    [InlineData("retries: -1", "'retries' must be a whole number ≥ 0, not '-1'")]
    [InlineData("role: boss", "unknown role 'boss'")]
    [InlineData("with: {durration: 1s}", "unknown setting 'durration' for kind 'sleep'")]
    public void Bad_agent_fields_are_reported_with_the_fix(string field, string message)
    {
        var error = Assert.Single(Errors($"name: p\nwaves:\n  - name: w\n    agents:\n      - id: a\n        kind: sleep\n        {field}\n"));

        Assert.Equal(message, error.Message);
        Assert.NotNull(error.Fix);
        Assert.True(error.Line >= 7);
    }

    [Fact]
    public void Unknown_keys_are_errors_with_a_suggestion()
    {
        var errors = Errors("name: p\nwavs: []\n");

        Assert.Contains(errors, e => e.Message == "unknown key 'wavs' in plan" && e.Fix!.StartsWith("did you mean 'waves'?", StringComparison.Ordinal) && e.Line == 2);
        Assert.Contains(errors, e => e.Message == "the plan has no 'waves:'");
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var errors = Errors("""
            name: p
            waves:
              - name: w
                agents:
                  - {id: a, kind: nope}
                  - {id: a, kind: noop, retries: x}
                exit: [min-success-rate: 1.5, agents-done: [ghost], fastest-wins]
            """);

        Assert.Equal(6, errors.Count);
        Assert.All(errors, e => Assert.Equal("plan.yaml", e.File));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_position()
    {
        var error = Assert.Single(Errors("name: p\nwaves:\n  - name: [unclosed\n"));

        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 3);
    }

    [Fact]
    public void The_default_plan_is_valid_and_groups_agents_by_role()
    {
        var registry = BuiltInAgents.CreateRegistry();
        var plan = DefaultPlan.Build(registry);

        Assert.NotEmpty(plan.Waves);
        Assert.Equal("scanners", plan.Waves[0].Name);
        Assert.All(plan.AllAgents, a => Assert.True(registry.Get(a.Kind).InDefaultPlan));
        Assert.DoesNotContain(plan.AllAgents, a => a.Kind is "noop" or "sleep");
    }
}
