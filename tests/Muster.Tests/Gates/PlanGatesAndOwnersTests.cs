using Muster.Agents;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Tests.Gates;

public class PlanGatesAndOwnersTests
{
    private static readonly PlanParser Parser = new(BuiltInAgents.CreateRegistry());

    private const string Waves = """
        waves:
          - name: w
            agents: [{id: n, kind: noop}]
        """;

    private static IReadOnlyList<PlanError> Errors(string yaml) =>
        Assert.Throws<PlanException>(() => Parser.Parse(yaml, "plan.yaml")).Errors;

    [Fact]
    public void A_plan_without_gates_gets_the_five_default_gates_and_no_owners()
    {
        var plan = Parser.Parse("name: p\n" + Waves, "plan.yaml");

        Assert.Equal(GateSettings.Default, plan.Gates);
        Assert.Empty(plan.Owners);
    }

    [Fact]
    public void Gates_and_owners_parse_with_every_setting()
    {
        var plan = Parser.Parse("""
            name: p
            owners:
              security: "@sec"
              "services/api/**": "@backend"
            gates:
              security: {severity: CRITICAL}
              type-check: off
              tests: {min-pass-rate: 95%, allow-skipped: true}
              documentation: on
              verification: {severity: HIGH}
            """ + "\n" + Waves, "plan.yaml");

        Assert.Equal([new OwnerRule("security", "@sec"), new OwnerRule("services/api/**", "@backend")], plan.Owners);
        Assert.Equal([false, true], plan.Owners.Select(o => o.IsPathPattern));
        Assert.Equal(GateSettings.Default with
        {
            SecuritySeverity = Severity.Critical,
            TypeCheck = false,
            MinPassRate = 0.95,
            AllowSkipped = true,
            VerificationSeverity = Severity.High,
        }, plan.Gates);
    }

    [Fact]
    public void Bad_gates_and_owners_are_located_errors_with_fixes()
    {
        var errors = Errors("""
            name: p
            owners: [a, b]
            gates:
              securty: off
              tests: {min-pass-rate: 2}
              type-check: maybe
              verification: {severity: SEVERE}
            """ + "\n" + Waves);

        Assert.Contains(errors, e => (e.Line, e.Column) == (2, 9) && e.Message.Contains("'owners' must be a mapping", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Line, e.Column) == (4, 3) && e.Message == "unknown key 'securty' in gates" && e.Fix!.Contains("did you mean 'security'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Line, e.Column) == (5, 26) && e.Message.Contains("'min-pass-rate' must be between 0 and 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Line, e.Column) == (6, 15) && e.Message == "'type-check' must be on or off, not 'maybe'");
        Assert.Contains(errors, e => (e.Line, e.Column) == (7, 28) && e.Message == "unknown severity 'SEVERE'");
        Assert.Equal(5, errors.Count);
    }
}
