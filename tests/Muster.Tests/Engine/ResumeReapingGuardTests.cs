using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Workspace;

namespace Muster.Tests.Engine;

/// <summary>Resume leaves a run's recorded groups alone while the Muster that ran it still runs.</summary>
public sealed class ResumeReapingGuardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-reap-guard-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Groups_of_a_run_whose_muster_is_alive_are_not_killed_and_are_once_it_is_gone()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var group = Process.Start(new ProcessStartInfo("setsid", ["sleep", "300"]) { UseShellExecute = false })!;
        using var musterStandIn = Process.Start(new ProcessStartInfo("sleep", ["300"]) { UseShellExecute = false })!;
        try
        {
            for (var i = 0; i < 100 && ProcessGroups.GroupOf(group.Id) != group.Id; i++) await Task.Delay(20);
            WriteJournal(musterStandIn.Id, group.Id, ProcessGroups.StartTime(group.Id)!.Value);
            var host = new RunHost(new AgentRegistry(), new EngineOptions(), NoSecretScrubber.Instance);

            var whileAlive = host.ReapLeftoverChildren("r1", _dir);
            Assert.Equal(new ChildReaping(0, 1, musterStandIn.Id), whileAlive);
            Assert.True(ProcessGroups.IsRunning(group.Id));

            musterStandIn.Kill();
            await musterStandIn.WaitForExitAsync();
            Assert.Equal(new ChildReaping(1, 1), host.ReapLeftoverChildren("r1", _dir));
            Assert.True(group.WaitForExit(10_000), "the recorded group still runs");
        }
        finally
        {
            if (!group.HasExited) group.Kill();
            if (!musterStandIn.HasExited) musterStandIn.Kill();
        }
    }

    private void WriteJournal(int musterPid, int pgid, long startTime)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, RunJournal.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = JournalSchema.Create + """
            INSERT INTO runs(id, plan_name, plan_source, plan_text, root, parameters, status, started_at, pid)
            VALUES ('r1', 'p', 'p.yaml', '', '/w', '{}', 'running', '2026-01-01T00:00:00Z', $muster);
            INSERT INTO child_groups(run_id, agent_id, pgid, start_time, recorded_at) VALUES ('r1', 'a', $pgid, $start, '2026-01-01T00:00:01Z');
            """;
        command.Parameters.AddWithValue("$muster", musterPid);
        command.Parameters.AddWithValue("$pgid", pgid);
        command.Parameters.AddWithValue("$start", startTime);
        command.ExecuteNonQuery();
    }
}
