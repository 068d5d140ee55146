using Muster.Agents;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Gates;
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
        Assert.Equal((GateSettings.Default with
        {
            SecuritySeverity = Severity.Critical,
            MinPassRate = 0.95,
            AllowSkipped = true,
            VerificationSeverity = Severity.High,
        })
            .WithMode("security", GateMode.Fail, GateModeOrigin.Plan)
            .WithMode("type-check", GateMode.Off, GateModeOrigin.Plan)
            .WithMode("tests", GateMode.Fail, GateModeOrigin.Plan)
            .WithMode("documentation", GateMode.Fail, GateModeOrigin.Plan)
            .WithMode("verification", GateMode.Fail, GateModeOrigin.Plan), plan.Gates);
    }

    [Fact]
    public void A_gate_can_be_set_to_warn_alone_or_with_its_settings_and_the_command_line_wins()
    {
        var plan = Parser.Parse("""
            name: p
            gates:
              documentation: warn
              tests: {mode: warn, min-pass-rate: 90%}
              type-check: off
            """ + "\n" + Waves, "plan.yaml");

        Assert.Equal((GateMode.Warn, GateModeOrigin.Plan), plan.Gates.ModeOf("documentation"));
        Assert.Equal((GateMode.Warn, GateModeOrigin.Plan), plan.Gates.ModeOf("tests"));
        Assert.Equal(0.9, plan.Gates.MinPassRate);
        Assert.Equal((GateMode.Fail, GateModeOrigin.BuiltIn), plan.Gates.ModeOf("security"));

        var cli = GateModeOverrides.Parse(["Type-Check=warn", "documentation=fail", "tests=off"], GateModeOrigin.CommandLine).ApplyTo(plan.Gates);
        Assert.Equal((GateMode.Warn, GateModeOrigin.CommandLine), cli.ModeOf("type-check"));
        Assert.Equal((GateMode.Fail, GateModeOrigin.CommandLine), cli.ModeOf("documentation"));
        Assert.Equal((GateMode.Off, GateModeOrigin.CommandLine), cli.ModeOf("tests"));
        Assert.Equal(0.9, cli.MinPassRate);
    }

    [Fact]
    public void An_unknown_gate_or_mode_on_the_command_line_names_the_known_ones()
    {
        var unknown = Assert.Throws<ArgumentException>(() => GateModeOverrides.Parse(["test=off"], GateModeOrigin.CommandLine));
        Assert.Equal("--gate: unknown gate 'test'; did you mean 'tests'? known gates: security, type-check, tests, documentation, verification", unknown.Message);
        Assert.Contains("mode must be fail, warn or off, not 'maybe'", Assert.Throws<ArgumentException>(() => GateModeOverrides.Parse(["tests=maybe"], GateModeOrigin.CommandLine)).Message, StringComparison.Ordinal);
        Assert.Contains("expects NAME=fail|warn|off", Assert.Throws<ArgumentException>(() => GateModeOverrides.Parse(["tests"], GateModeOrigin.CommandLine)).Message, StringComparison.Ordinal);
        Assert.Equal("type-check", GateModeOverrides.Parse(["Type check=off"], GateModeOrigin.CommandLine).Overrides.Single().GateId);
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
        Assert.Contains(errors, e => (e.Line, e.Column) == (6, 15) && e.Message == "'type-check' must be fail, warn or off (or on), not 'maybe'");
        Assert.Contains(errors, e => (e.Line, e.Column) == (7, 28) && e.Message == "unknown severity 'SEVERE'");
        Assert.Equal(5, errors.Count);
    }
}
