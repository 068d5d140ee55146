using Muster.Engine.Journal;
using Muster.Workspace;

namespace Muster.Engine;

/// <summary>
/// Kills the process groups an interrupted run recorded that still run. The group's leader must still be the very
/// process that was recorded (same pid and same start time), so a recycled pid is never signalled.
/// </summary>
public static class LeftoverChildGroups
{
    /// <summary>How many recorded groups were still alive and were killed.</summary>
    public static int Reap(IEnumerable<ChildGroupRecord> groups)
    {
        var own = ProcessGroups.GroupOf(Environment.ProcessId);
        var reaped = 0;
        foreach (var group in groups)
        {
            if (group.Pgid == own || ProcessGroups.StartTime(group.Pgid) != group.StartTime) continue;
            if (ProcessGroups.GroupOf(group.Pgid) != group.Pgid) continue; // not leading its own group: not what was started
            if (ProcessGroups.Kill(group.Pgid)) reaped++;
        }
        return reaped;
    }
}
