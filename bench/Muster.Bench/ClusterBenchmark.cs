using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Muster.Tests.Cli;
using Muster.Tests.Fleet;

namespace Muster.Bench;

/// <summary>
/// Issue 17's three figures, every part a real process on loopback (Redis, <c>muster worker</c>s, a coordinator
/// <c>muster run</c>): per-agent cost of 10,000 no-op agents in 3 waves over 3 workers against the same run in process;
/// 200 agents awaiting 200 ms of I/O over 3 workers (max-parallel 60, 20 each) against one worker (max-parallel 20);
/// the time from SIGKILL of a worker to its agent running again on the other. Agent time is the waves' own span in
/// report.json, so process start, cluster join and report writing are not in it.
/// </summary>
internal sealed class ClusterBenchmark : IBenchmark
{
    private const int NoopAgents = 10_000;
    private const int IoAgents = 200;
    private const int RecoveryRounds = 3;

    public string Name => "cluster";
    public string Description => "10,000 no-op agents over 3 workers vs in-process; 200 × 200 ms I/O over 3 workers vs 1; SIGKILL to re-run.";

    public async Task RunAsync(string[] args)
    {
        var noopPlan = NoopPlan(NoopAgents);
        var ioPlan = IoPlan(IoAgents);
        await using (var cluster = await LocalCluster.StartAsync(["a", "b", "c"]))
        {
            await TimeWavesAsync(cluster, NoopPlan(300), distributed: true); // warm-up: JIT on every side, connections
            var inProcess = await TimeWavesAsync(cluster, noopPlan, distributed: false);
            var distributed = await TimeWavesAsync(cluster, noopPlan, distributed: true);
            Console.WriteLine($"noop: {NoopAgents:N0} agents in 3 waves: in-process {PerAgent(inProcess, NoopAgents)} ms/agent ({inProcess.TotalMilliseconds:0} ms, target < 0.1); " +
                              $"3 workers {PerAgent(distributed, NoopAgents)} ms/agent ({distributed.TotalMilliseconds:0} ms, target < 2); " +
                              $"overhead {PerAgent(distributed - inProcess, NoopAgents)} ms/agent");

            var three = await TimeWavesAsync(cluster, ioPlan, distributed: true, "--max-parallel", "60");
            Console.WriteLine($"io: {IoAgents} × 200 ms over 3 workers at max-parallel 60: {three.TotalMilliseconds:0} ms");
        }
        await using (var single = await LocalCluster.StartAsync(["a"]))
        {
            var one = await TimeWavesAsync(single, ioPlan, distributed: true, "--max-parallel", "20");
            var oneWide = await TimeWavesAsync(single, ioPlan, distributed: true, "--max-parallel", "60");
            Console.WriteLine($"io: {IoAgents} × 200 ms on 1 worker at max-parallel 20: {one.TotalMilliseconds:0} ms " +
                              $"(at max-parallel 60: {oneWide.TotalMilliseconds:0} ms: the cap, not the worker, bounds it)");
        }

        var recoveries = new List<TimeSpan>();
        for (var round = 1; round <= RecoveryRounds; round++) recoveries.Add(await RecoveryAsync());
        Console.WriteLine($"recovery: SIGKILL of a worker to its agent running on the other, {RecoveryRounds} rounds: " +
                          $"{string.Join(", ", recoveries.Select(r => r.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} s (target < 5 s)");
    }

    private static string PerAgent(TimeSpan total, int agents) => (total.TotalMilliseconds / agents).ToString("0.000", CultureInfo.InvariantCulture);

    private static string NoopPlan(int count)
    {
        var perWave = count / 3;
        var yaml = new StringBuilder("name: noop\ngates: {security: off, type-check: off, tests: off, documentation: off, verification: off}\nwaves:\n");
        for (var w = 0; w < 3; w++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: w{w}\n    agents:\n");
            var n = w == 2 ? count - 2 * perWave : perWave;
            for (var i = 0; i < n; i++) yaml.Append(CultureInfo.InvariantCulture, $"      - {{id: a{w}-{i}, kind: noop}}\n");
        }
        return yaml.ToString();
    }

    private static string IoPlan(int count)
    {
        var yaml = new StringBuilder("name: io\ngates: {security: off, type-check: off, tests: off, documentation: off, verification: off}\nwaves:\n  - name: w\n    agents:\n");
        for (var i = 0; i < count; i++) yaml.Append(CultureInfo.InvariantCulture, $"      - {{id: s{i}, kind: sleep, with: {{duration: 200ms}}}}\n");
        return yaml.ToString();
    }

    /// <summary>Runs the plan with a coordinator process (over the cluster, or in its own process) and sums its waves' spans.</summary>
    private static async Task<TimeSpan> TimeWavesAsync(LocalCluster cluster, string yaml, bool distributed, params string[] extra)
    {
        var run = Directory.CreateTempSubdirectory("muster-bench-run-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(run, "plan.yaml"), yaml);
            Directory.CreateDirectory(Path.Combine(run, "ws"));
            string[] args = ["run", Path.Combine(run, "plan.yaml"), "--root", Path.Combine(run, "ws"), "--state", Path.Combine(run, "state"),
                "--output", Path.Combine(run, "out"), "--format", "json", .. extra];
            using var coordinator = distributed ? cluster.StartCoordinator(args) : MusterProcess.Start(run, args);
            var exit = await coordinator.WaitAsync(TimeSpan.FromMinutes(10));
            if (exit != 0) throw new InvalidOperationException($"benchmark run exited {exit}:\n{coordinator.Stderr}");
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "out", "report.json")));
            return report.RootElement.GetProperty("waves").EnumerateArray()
                .Select(w => w.GetProperty("finishedAt").GetDateTime() - w.GetProperty("startedAt").GetDateTime())
                .Aggregate(TimeSpan.Zero, (sum, span) => sum + span);
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    /// <summary>
    /// One agent on host=a with two host=a workers: the first attempt marks its start and works on; the kill of its
    /// worker starts the clock, the second attempt's mark stops it.
    /// </summary>
    private static async Task<TimeSpan> RecoveryAsync()
    {
        await using var cluster = await LocalCluster.StartAsync(["a", "a"]);
        var marker = Path.Combine(cluster.Folder, "marks");
        Directory.CreateDirectory(Path.Combine(cluster.Folder, "ws"));
        File.WriteAllText(Path.Combine(cluster.Folder, "plan.yaml"), $$"""
            name: recovery
            gates: {security: off, type-check: off, tests: off, documentation: off, verification: off}
            waves:
              - name: w
                agents:
                  - id: victim
                    kind: command
                    on: {host: a}
                    with: {program: sh, args: [-c, 'first=1; [ -s "$0" ] && first=; echo "$$ $PPID" >> "$0"; [ -n "$first" ] && sleep 60; exit 0', "{{marker}}"]}
            """);
        using var coordinator = cluster.StartCoordinator("run", Path.Combine(cluster.Folder, "plan.yaml"), "--root", Path.Combine(cluster.Folder, "ws"),
            "--state", Path.Combine(cluster.Folder, "state"), "--output", Path.Combine(cluster.Folder, "out"), "--format", "json");
        var first = await WaitForMarksAsync(marker, 1, TimeSpan.FromMinutes(2), coordinator);
        var parent = int.Parse(first[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var victim = cluster.WorkerWithPid(parent);
        var clock = Stopwatch.StartNew();
        if (NativeSignal.Send(victim.Process.Pid, 9) != 0) throw new InvalidOperationException($"could not SIGKILL worker pid {victim.Process.Pid}");
        await WaitForMarksAsync(marker, 2, TimeSpan.FromMinutes(2), coordinator);
        clock.Stop();
        var exit = await coordinator.WaitAsync(TimeSpan.FromMinutes(2));
        if (exit != 0) throw new InvalidOperationException($"recovery run exited {exit}:\n{coordinator.Stderr}");
        return clock.Elapsed;
    }

    private static async Task<string[]> WaitForMarksAsync(string marker, int count, TimeSpan limit, MusterProcess coordinator)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && !coordinator.HasExited)
        {
            var marks = File.Exists(marker) ? File.ReadAllLines(marker).Where(l => l.Length > 0).ToArray() : [];
            if (marks.Length >= count) return marks;
            await Task.Delay(5);
        }
        throw new TimeoutException($"the agent did not start {count} time(s) within {limit}:\n{coordinator.Stderr}");
    }
}
