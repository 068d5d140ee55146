using Muster.Agents;
using Muster.Engine.Plans;
using Muster.Gates;

namespace Muster.Runs.Config;

/// <summary>
/// <c>muster audit --staged</c>'s run: the staged plan with muster.yaml applied (secrets settings, excludes, the
/// committed baseline, suppressions, the security and verification gates' modes), except that muster.yaml cannot turn
/// the gates that judge the whole workspace back on: a staged scan has no data for them. The command line's
/// <c>--gate</c> still can.
/// </summary>
public static class StagedRun
{
    public static PreparedRun Prepare(AgentRegistry registry, string root, string? configFile, TimeProvider time)
    {
        var prepared = RepoPlan.Prepare(registry, root, configFile, StagedPlan.Build(registry), time);
        var gates = new GateModeOverrides([.. prepared.Config.Gates.Overrides.Where(o => !StagedPlan.WholeTreeGates.Contains(o.GateId))]);
        return prepared with { Plan = StagedPlan.KeepWholeTreeGatesOff(prepared.Plan), Config = prepared.Config with { Gates = gates } };
    }
}
