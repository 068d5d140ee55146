using Muster.Agents;

namespace Muster.Engine.Journal;

/// <summary>The process groups command agents started and have not yet seen die: what <c>muster resume</c> reaps.</summary>
public sealed partial class RunJournal : IChildProcessLog
{
    public void Started(string agentId, int pgid, long startTime)
    {
        var runId = _runId;
        var at = Iso(_time.GetUtcNow());
        Enqueue((c, t) => Run(c, t, """
            INSERT OR REPLACE INTO child_groups(run_id, agent_id, pgid, start_time, recorded_at) VALUES($run, $agent, $pgid, $start, $at)
            """, ("$run", runId), ("$agent", agentId), ("$pgid", pgid), ("$start", startTime), ("$at", at)));
    }

    public void Ended(int pgid, long startTime)
    {
        var runId = _runId;
        Enqueue((c, t) => Run(c, t, "DELETE FROM child_groups WHERE run_id=$run AND pgid=$pgid AND start_time=$start",
            ("$run", runId), ("$pgid", pgid), ("$start", startTime)));
    }

    /// <summary>After a resume reaped them: the recorded groups of the run are gone or were not the run's.</summary>
    public Task ForgetChildGroupsAsync(string runId) =>
        EnqueueDurable((c, t) => Run(c, t, "DELETE FROM child_groups WHERE run_id=$run", ("$run", runId)));
}
