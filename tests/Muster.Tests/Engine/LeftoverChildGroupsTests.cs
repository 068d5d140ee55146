using System.Diagnostics;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Workspace;

namespace Muster.Tests.Engine;

/// <summary>Resume kills a recorded group only while its leader is the very process that was recorded.</summary>
public sealed class LeftoverChildGroupsTests
{
    [Fact]
    public async Task A_recorded_group_still_running_is_killed_and_a_recycled_pid_is_not()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var leader = Process.Start(new ProcessStartInfo("setsid", ["sleep", "300"]) { UseShellExecute = false })!;
        try
        {
            var started = await GroupLeaderStartAsync(leader.Id);

            // Same pid, another start time: a process that merely reuses the pid.
            Assert.Equal(0, LeftoverChildGroups.Reap([new ChildGroupRecord("a", leader.Id, started + 1)]));
            Assert.True(ProcessGroups.IsRunning(leader.Id));

            Assert.Equal(1, LeftoverChildGroups.Reap([new ChildGroupRecord("a", leader.Id, started)]));
            Assert.True(leader.WaitForExit(10_000), "the recorded group still runs");
        }
        finally
        {
            if (!leader.HasExited) leader.Kill();
        }
    }

    /// <summary>setsid has made the process a group leader once its group is its own pid.</summary>
    private static async Task<long> GroupLeaderStartAsync(int pid)
    {
        for (var i = 0; i < 100 && ProcessGroups.GroupOf(pid) != pid; i++) await Task.Delay(20);
        Assert.Equal(pid, ProcessGroups.GroupOf(pid));
        return ProcessGroups.StartTime(pid)!.Value;
    }
}
