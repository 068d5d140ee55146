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
        [ -e "$f.spawned" ] && exit 0
        : > "$f.spawned"
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

    [Fact]
    public async Task Resume_kills_a_group_whose_watchdog_died_with_muster_and_says_so()
    {
        if (!OperatingSystem.IsLinux()) return;
        var workspace = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(workspace);
        File.WriteAllText(Path.Combine(workspace, "spawn.sh"), Spawner);
        var pidFile = Path.Combine(_dir, "pids.txt");
        File.WriteAllText(Path.Combine(_dir, "plan.yaml"), $$$"""
            name: reap-drill
            # Only the verification gate (the spawner succeeds on resume); the others would have no data here.
            gates: {security: off, type-check: off, tests: off, documentation: off}
            waves:
              - name: spawn
                agents:
                  - {id: spawner, kind: command, with: {program: sh, args: [spawn.sh, "{{{pidFile}}}"], timeout: 10m}}
            """);
        var state = Path.Combine(_dir, "state");
        string runId;
        IReadOnlyList<int> pids;
        using (var muster = MusterProcess.Start(_dir, "run", "plan.yaml", "--root", workspace, "--state", state, "--output", Path.Combine(_dir, "out")))
        {
            pids = await WaitForPidsAsync(pidFile, 4, muster);
            _seen.AddRange(pids.Select(p => (p, ProcessGroups.StartTime(p) ?? -1)));
            var group = ProcessGroups.GroupOf(pids[0]) ?? throw new InvalidOperationException("the command ended early");
            // What the watchdog cannot survive either (an OOM kill, a kill of its pid): kill it first, then Muster.
            var watchers = WatchdogsOf(group);
            Assert.Single(watchers);
            Assert.Equal(0, NativeSignal.Send(watchers[0], SigKill));
            Assert.Equal(0, NativeSignal.Send(muster.Pid, SigKill));
            await muster.WaitAsync(TimeSpan.FromSeconds(30));
            using var reader = Muster.Engine.Journal.JournalReader.Open(state);
            runId = reader.ListRuns().Single().RunId;
            Assert.Equal(group, reader.LoadChildGroups(runId).Single().Pgid);
        }
        await Task.Delay(500);
        Assert.Equal(pids.Count, pids.Count(ProcessGroups.IsRunning)); // without the reaper they would run on

        using var resume = MusterProcess.Start(_dir, "resume", runId, "--state", state, "--output", Path.Combine(_dir, "out"));
        Assert.Equal(0, await resume.WaitAsync(TimeSpan.FromSeconds(90)));

        Assert.Contains("killed 1 process group(s)", resume.Stderr, StringComparison.Ordinal);
        var survivors = await SurvivorsAfterAsync(pids, TimeSpan.FromSeconds(10));
        Assert.True(survivors.Count == 0, $"{survivors.Count} of {pids.Count} processes still run after resume: {string.Join(", ", survivors)}");
        using var after = Muster.Engine.Journal.JournalReader.Open(state);
        Assert.Empty(after.LoadChildGroups(runId));
    }

    private static List<int> WatchdogsOf(int group) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != group && ProcessGroups.GroupOf(pid) == group && ProcessGroups.IsRunning(pid))
            .Where(pid => ReadCommandLine(pid).Contains("muster-watchdog", StringComparison.Ordinal))
            .ToList();

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
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
