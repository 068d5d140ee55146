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
    [Fact]
    public async Task A_wrong_cluster_id_names_the_cluster_that_has_workers()
    {
        await using var cluster = await LocalCluster.StartAsync(["a"]);
        var wrong = cluster.Url + "/typo";
        foreach (var args in Commands(cluster, wrong))
        {
            var line = await OneLineError.OfAsync(cluster.Folder, args);
            Assert.Equal($"error: no worker in cluster 'typo' at {cluster.Url}; workers are in cluster 'muster': use --cluster {cluster.Url}, " +
                         $"or start 'muster worker --cluster {wrong}'", line);
        }
    }

    [Fact]
    public async Task A_wrong_cluster_id_does_not_name_a_cluster_whose_workers_were_all_killed()
    {
        await using var cluster = await LocalCluster.StartAsync(["a"]);
        var worker = cluster.Workers[0].Process;
        worker.Signal(NativeSignal.SIGKILL);
        await worker.WaitAsync(TimeSpan.FromSeconds(10));
        var wrong = cluster.Url + "/typo";
        foreach (var args in Commands(cluster, wrong))
        {
            var line = await OneLineError.OfAsync(cluster.Folder, args);
            Assert.Equal($"error: no worker in cluster 'typo' at {cluster.Url}: start 'muster worker --cluster {wrong}' first", line);
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
            var line = await OneLineError.OfAsync(cluster.Folder, args);
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
}
