using System.Diagnostics;
using Muster.Tests.Cli;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Fleet;

/// <summary>
/// A whole cluster on loopback, every part a real process started from the built CLI: a private redis-server, one
/// <c>muster worker</c> per entry of the hosts given (labelled <c>host=H,name=wN</c>, the name so a listing shows
/// which worker is which), and the coordinators a test starts. <see cref="StartAsync"/> returns once
/// <c>muster workers</c> lists every worker; disposing SIGKILLs whatever still runs, by pid, then stops Redis.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(60);

    private readonly RedisServer _redis;
    private readonly List<(MusterProcess Process, int Pid)> _started = [];

    private LocalCluster(RedisServer redis, string folder)
    {
        _redis = redis;
        Folder = folder;
    }

    /// <summary>A temp folder for plans, workspaces, state and reports; deleted on dispose.</summary>
    public string Folder { get; }

    public string Url => _redis.Url;

    public IReadOnlyList<ClusterWorker> Workers { get; private set; } = [];

    /// <summary>Every process this cluster started (Redis included), for the "nothing left behind" checks.</summary>
    public IReadOnlyList<int> StartedPids => [_redis.Pid, .. _started.Select(p => p.Pid)];

    /// <summary>Starts Redis and one worker per host label in <paramref name="hosts"/> (e.g. "a", "a", "b").</summary>
    public static async Task<LocalCluster> StartAsync(IReadOnlyList<string> hosts, Func<int, IReadOnlyList<string>>? extraWorkerArgs = null)
    {
        var folder = Directory.CreateTempSubdirectory("muster-fleet-").FullName;
        var cluster = new LocalCluster(await RedisServer.StartAsync(), folder);
        try
        {
            var workers = new List<ClusterWorker>();
            for (var i = 0; i < hosts.Count; i++)
            {
                var name = $"w{i + 1}";
                string[] args = ["worker", "--cluster", cluster.Url, "--labels", $"host={hosts[i]},name={name}", .. extraWorkerArgs?.Invoke(i) ?? []];
                workers.Add(new ClusterWorker(name, hosts[i], cluster.Track(MusterProcess.Start(folder, args))));
            }
            cluster.Workers = workers;
            await cluster.WaitForWorkersAsync(workers);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <c>muster ARGS --cluster URL</c> (a coordinator: run, audit, resume) in <see cref="Folder"/>.</summary>
    public MusterProcess StartCoordinator(params string[] args) => Track(MusterProcess.Start(Folder, [.. args, "--cluster", Url]));

    /// <summary>What <c>muster workers</c> prints (exit code, stdout, stderr); run in this process, it is quick to repeat.</summary>
    public async Task<(int Code, string Out, string Err)> ListWorkersAsync()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Muster.Cli.MusterCli.RunAsync(["workers", "--cluster", Url], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public ClusterWorker WorkerWithPid(int pid) =>
        Workers.SingleOrDefault(w => w.Process.Pid == pid)
        ?? throw new InvalidOperationException($"pid {pid} is none of the workers ({string.Join(", ", Workers.Select(w => $"{w.Name}={w.Process.Pid}"))})");

    /// <summary>SIGTERM to every worker still running, then waits for each to leave (bounded).</summary>
    public async Task StopWorkersAsync(TimeSpan limit)
    {
        var running = Workers.Where(w => !w.Process.HasExited).ToList();
        foreach (var worker in running) worker.Process.Signal(NativeSignal.SIGTERM);
        foreach (var worker in running)
        {
            try
            {
                await worker.Process.WaitAsync(limit);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"worker {worker.Name} (pid {worker.Process.Pid}) did not leave within {limit} of SIGTERM:\n{Tail(worker.Process.Stderr)}");
            }
        }
    }

    /// <summary>Live processes whose command line names this cluster's Redis: a worker or coordinator left behind.</summary>
    public IReadOnlyList<string> ProcessesNamingTheCluster()
    {
        var url = Url;
        return Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId)
            .Select(pid => (Pid: pid, CommandLine: CommandLine(pid)))
            .Where(p => p.CommandLine.Contains(url, StringComparison.Ordinal) && Muster.Workspace.ProcessGroups.IsRunning(p.Pid))
            .Select(p => $"{p.Pid}: {p.CommandLine}")
            .ToList();
    }

    /// <summary>Every worker's pid and stderr tail, for a failing assertion's message.</summary>
    public string Diagnostics() =>
        string.Join("\n", Workers.Select(w => $"--- worker {w.Name} host={w.Host} pid {w.Process.Pid} exited={w.Process.HasExited}:\n{Tail(w.Process.Stderr)}{Tail(w.Process.Stdout)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in _started) process.Dispose(); // SIGKILL of the process tree, by pid
        foreach (var (_, pid) in _started) await WaitGoneAsync(pid, TimeSpan.FromSeconds(20));
        await _redis.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a killed worker's last write raced the delete; the temp folder is all that is left
        }
    }

    private MusterProcess Track(MusterProcess process)
    {
        _started.Add((process, process.Pid));
        return process;
    }

    private async Task WaitForWorkersAsync(IReadOnlyList<ClusterWorker> workers)
    {
        var watch = Stopwatch.StartNew();
        var listing = "";
        while (watch.Elapsed < JoinLimit)
        {
            if (workers.FirstOrDefault(w => w.Process.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"worker {dead.Name} exited while joining:\n{Tail(dead.Process.Stderr)}{Tail(dead.Process.Stdout)}");
            }
            var (code, output, error) = await ListWorkersAsync();
            listing = output + error;
            if (code == 0 && workers.All(w => output.Contains($"name={w.Name}", StringComparison.Ordinal))) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"muster workers did not list all {workers.Count} workers within {JoinLimit}; last listing:\n{listing}\n{Diagnostics()}");
    }

    private static async Task WaitGoneAsync(int pid, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (Muster.Workspace.ProcessGroups.IsRunning(pid) && watch.Elapsed < limit) await Task.Delay(50);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(30));
}

/// <summary>One <c>muster worker</c> process of a <see cref="LocalCluster"/>: its <c>name=</c> and <c>host=</c> labels.</summary>
internal sealed record ClusterWorker(string Name, string Host, MusterProcess Process);
