using Muster.Workspace;

namespace Muster.Tests.Cli;

/// <summary>
/// Issue 20: SIGKILL of the real <c>muster</c> process while a command agent runs must not leave the program, its
/// children or its grandchildren running. Repeated, since the failure this replaces was a race (8 of 10 kills).
/// </summary>
public sealed class CommandChildrenDieWithMusterTests : IDisposable
{
    private const int Rounds = 4;
    private const int SigKill = 9;

    private const string Spawner = """
        f="$1"
        sleep 300 & echo $! >> "$f"
        sh -c 'sleep 300 & echo $! >> "$1"; wait' grandchild "$f" &
        echo $! >> "$f"
        echo $$ >> "$f"
        wait
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("muster-children-").FullName;
    private readonly List<(int Pid, long StartTime)> _seen = [];

    public void Dispose()
    {
        foreach (var (pid, startTime) in _seen.Where(p => ProcessGroups.StartTime(p.Pid) == p.StartTime))
        {
            _ = NativeSignal.Send(pid, SigKill);
        }
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task SIGKILL_of_muster_kills_the_command_its_children_and_grandchildren()
    {
        if (!OperatingSystem.IsLinux()) return;
        for (var round = 1; round <= Rounds; round++)
        {
            var workspace = Path.Combine(_dir, $"ws{round}");
            Directory.CreateDirectory(workspace);
            File.WriteAllText(Path.Combine(workspace, "spawn.sh"), Spawner);
            var pidFile = Path.Combine(_dir, $"pids{round}.txt");
            File.WriteAllText(Path.Combine(_dir, "plan.yaml"), $$$"""
                name: children-drill
                waves:
                  - name: spawn
                    agents:
                      - {id: spawner, kind: command, with: {program: sh, args: [spawn.sh, "{{{pidFile}}}"], timeout: 10m}}
                """);

            using var muster = MusterProcess.Start(_dir, "run", "plan.yaml", "--root", workspace, "--state", Path.Combine(_dir, $"state{round}"),
                "--output", Path.Combine(_dir, $"out{round}"));
            var pids = await WaitForPidsAsync(pidFile, 4, muster);
            _seen.AddRange(pids.Select(p => (p, ProcessGroups.StartTime(p) ?? -1)));

            Assert.Equal(0, NativeSignal.Send(muster.Pid, SigKill));
            await muster.WaitAsync(TimeSpan.FromSeconds(30));

            var survivors = await SurvivorsAfterAsync(pids, TimeSpan.FromSeconds(10));
            Assert.True(survivors.Count == 0, $"round {round}: {survivors.Count} of {pids.Count} command processes still run after SIGKILL of muster: {string.Join(", ", survivors)}");
        }
    }

    private static async Task<IReadOnlyList<int>> WaitForPidsAsync(string pidFile, int count, MusterProcess muster)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var pids = File.Exists(pidFile) ? File.ReadAllLines(pidFile).Where(l => l.Length > 0).Select(int.Parse).ToList() : [];
            if (pids.Count >= count) return pids;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the command did not write {count} pids; muster said:\n{muster.Stderr}");
    }

    private static async Task<List<int>> SurvivorsAfterAsync(IReadOnlyList<int> pids, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var survivors = pids.Where(ProcessGroups.IsRunning).ToList();
            if (survivors.Count == 0 || DateTime.UtcNow >= deadline) return survivors;
            await Task.Delay(100);
        }
    }
}
