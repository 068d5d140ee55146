using Muster.Agents;
using Muster.Formats;
using Muster.Gates;

namespace Muster.Engine.Plans;

/// <summary>
/// The plan <c>muster audit --staged</c> runs (a pre-commit hook's): the secrets agent alone, over the blobs in git's
/// index. Only the gates staged findings can decide stay on: security (an exposed credential at HIGH or above) and
/// verification (a CRITICAL gap, or the agent failing). Type check, tests and documentation judge the whole workspace,
/// not a change, so they are off rather than "not evaluated" on every commit.
/// </summary>
public static class StagedPlan
{
    public const string Kind = "secrets";
    public const string Source = "built-in:staged";

    /// <summary>The gates that judge the whole workspace: off for a staged scan, whatever muster.yaml says (--gate still wins).</summary>
    public static readonly IReadOnlyList<string> WholeTreeGates = [GateNames.TypeCheck, GateNames.Tests, GateNames.Documentation];

    public static string Yaml(AgentRegistry registry)
    {
        var secrets = registry.Get(Kind);
        return "# muster audit --staged: the secrets agent over the files git's index adds or changes (their staged blobs)\n" +
               "name: staged\n" +
               $"gates: {{{string.Join(", ", WholeTreeGates.Select(g => g + ": off"))}}}\n" +
               "waves:\n" +
               "  - name: staged changes\n" +
               "    agents:\n" +
               $"      - id: {secrets.Kind}\n" +
               $"        kind: {secrets.Kind}\n" +
               "        role: scanner\n" +
               $"        timeout: {{soft: {DurationText.Format(secrets.SoftTimeout)}, hard: {DurationText.Format(secrets.HardTimeout)}}}\n";
    }

    public static Plan Build(AgentRegistry registry) => new PlanParser(registry).Parse(Yaml(registry), Source);

    /// <summary>The plan with <see cref="WholeTreeGates"/> off again after a repository config set its gates.</summary>
    public static Plan KeepWholeTreeGatesOff(Plan plan) =>
        plan with { Gates = WholeTreeGates.Aggregate(plan.Gates, (gates, id) => gates.WithMode(id, GateMode.Off, GateModeOrigin.Plan)) };
}
