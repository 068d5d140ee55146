namespace Muster.Agents;

/// <summary>
/// Where a run records the process groups its agents start (a command agent's program), so that <c>muster resume</c>
/// can kill a group a dead Muster left running. Found in <see cref="AgentContext.Services"/> when the run is journaled.
/// </summary>
public interface IChildProcessLog
{
    /// <param name="pgid">The group's id, which is its leader's pid.</param>
    /// <param name="startTime">The leader's start time (/proc/PID/stat field 22): with the pid it names one process.</param>
    void Started(string agentId, int pgid, long startTime);

    /// <summary>The group was killed once its program ended: nothing is left to reap.</summary>
    void Ended(int pgid, long startTime);
}
