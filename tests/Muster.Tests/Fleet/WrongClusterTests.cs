using System.Diagnostics;
using Muster.Tests.Cli;

namespace Muster.Tests.Fleet;

/// <summary>
/// Issue 17's bad input against a live Redis with a real worker: a wrong cluster id, and a cluster whose only worker
/// was SIGKILLed (still "active" in the table, nobody left to declare it dead). Each is one line naming the fix,
/// exit code 2, within 10 s, for <c>muster workers</c> and <c>muster run</c>.
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class WrongClusterTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_wrong_cluster_id_names_the_cluster_that_has_workers()
    {
        await using var cluster = await LocalCluster.StartAsync(["a"]);
        var wrong = cluster.Url + "/typo";
        foreach (var args in Commands(cluster, wrong))
        {
            var line = await OneLineErrorAsync(cluster, args);
            Assert.Equal($"error: no worker in cluster 'typo' at {cluster.Url}; workers are in cluster 'muster': use --cluster {cluster.Url}, " +
                         $"or start 'muster worker --cluster {wrong}'", line);
        }
    }

    [Fact]
    public async Task A_cluster_whose_only_worker_was_killed_is_one_line_within_ten_seconds()
    {
        await using var cluster = await LocalCluster.StartAsync(["a"]);
        var worker = cluster.Workers[0].Process;
        worker.Signal(NativeSignal.SIGKILL);
        await worker.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var args in Commands(cluster, cluster.Url))
        {
            var line = await OneLineErrorAsync(cluster, args);
            Assert.StartsWith($"error: no worker answers in cluster 'muster' at {cluster.Url}: start 'muster worker --cluster {cluster.Url}'", line);
        }
    }

    private static string[][] Commands(LocalCluster cluster, string url)
    {
        Directory.CreateDirectory(Path.Combine(cluster.Folder, "ws"));
        File.WriteAllText(Path.Combine(cluster.Folder, "plan.yaml"), "name: p\nwaves:\n  - name: w\n    agents:\n      - {id: n, kind: noop}\n");
        return
        [
            ["workers", "--cluster", url],
            ["run", "plan.yaml", "--root", "ws", "--state", "state", "--output", "out", "--cluster", url],
        ];
    }

    private static async Task<string> OneLineErrorAsync(LocalCluster cluster, string[] args)
    {
        var watch = Stopwatch.StartNew();
        using var muster = MusterProcess.Start(cluster.Folder, args);
        int exit;
        try
        {
            exit = await muster.WaitAsync(Limit + TimeSpan.FromSeconds(20));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"muster {args[0]} still runs {watch.Elapsed.TotalSeconds:0.0} s after it started:\n{muster.Stderr}");
        }
        watch.Stop();
        var lines = muster.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == 2, $"muster {args[0]}: exit {exit}:\n{muster.Stderr}");
        Assert.True(watch.Elapsed < Limit, $"muster {args[0]} took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(lines.Length == 1, $"muster {args[0]} printed {lines.Length} lines:\n{muster.Stderr}");
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        return lines[0];
    }
}
