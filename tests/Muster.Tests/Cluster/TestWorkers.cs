using Microsoft.Extensions.DependencyInjection;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Cluster;
using Muster.Cluster.Coordinator;
using Muster.Cluster.Wire;
using Muster.Cluster.Worker;
using Muster.Composition;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Tests.Engine;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Muster.Tests.Cluster;

/// <summary>
/// An in-process Orleans cluster of Muster workers: Silo_0 is host=c (holds the test membership, never killed),
/// Silo_1 and Silo_2 are host=a, Silo_3 is host=b with the root 'ws'. The agent kinds are the built-in ones plus
/// test kinds: <c>root-echo</c> (summary = its root), <c>many-findings</c> (setting count), <c>leaky</c> (a
/// credential in its finding's message, setting secret), <c>boom</c> (throws).
/// </summary>
public sealed class TestWorkers : IAsyncLifetime
{
    private readonly TempTree _ws = new();
    private InProcessTestCluster? _cluster;

    public string WorkspaceRoot => _ws.Path;
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");
    public AgentRegistry Registry { get; } = CreateRegistry();
    public WorkerDirectory Directory { get; private set; } = null!;

    public static AgentRegistry CreateRegistry()
    {
        var registry = BuiltInAgents.CreateRegistry();
        registry.Add(new AgentDescriptor("root-echo", AgentRole.Scanner, "test", () => new LambdaAgent((c, _) => Task.FromResult(AgentResult.Empty(c.Root)))));
        registry.Add(new AgentDescriptor("many-findings", AgentRole.Scanner, "test", () => new LambdaAgent((c, _) =>
            Task.FromResult(new AgentResult
            {
                Summary = "many",
                Findings = Enumerable.Range(0, c.Settings.GetInt("count", 10)).Select(i => EngineHarness.Finding("MANY-" + i, Severity.Low, $"f/{i}.txt", i + 1)).ToList(),
            }))));
        registry.Add(new AgentDescriptor("leaky", AgentRole.Scanner, "test", () => new LambdaAgent((c, _) =>
            Task.FromResult(new AgentResult
            {
                Summary = "leaky " + c.Settings.GetString("secret"),
                Findings = [EngineHarness.Finding("LEAK", Severity.High) with { Message = "key " + c.Settings.GetString("secret") + " in a.txt" }],
            }))));
        registry.Add(new AgentDescriptor("boom", AgentRole.Scanner, "test", () => new LambdaAgent((_, _) =>
            throw new InvalidOperationException("boom at the source"))));
        return registry;
    }

    public WorkerSettings SettingsOf(string siloName) => siloName switch
    {
        "Silo_1" or "Silo_2" => new WorkerSettings { Labels = new Dictionary<string, string> { ["host"] = "a" } },
        "Silo_3" => new WorkerSettings { Labels = new Dictionary<string, string> { ["host"] = "b" }, Roots = new Dictionary<string, string> { ["ws"] = _ws.Path } },
        _ => new WorkerSettings { Labels = new Dictionary<string, string> { ["host"] = "c" } },
    };

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(4);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) => silo.AddMusterWorker(SettingsOf(options.SiloName), Registry, new RuleBasedSecretScrubber()));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(ClusterTuning.Messaging));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Directory = new WorkerDirectory(_cluster.Client);
        // Every worker answers before a test places on it.
        await Poll.UntilAsync(async () => (await Directory.ListAsync(fresh: true)).Count == 4, TimeSpan.FromSeconds(30), "4 workers listed");
    }

    public WorkerRuntime Runtime(string siloName) =>
        Cluster.GetSiloServiceProvider(Cluster.Silos.Single(s => s.Name == siloName).SiloAddress).GetRequiredService<WorkerRuntime>();

    public InProcessSiloHandle Silo(string siloName) => Cluster.Silos.Single(s => s.Name == siloName);

    /// <summary>What a coordinator sends to start <paramref name="spec"/> on a worker, for tests that call a worker's grain directly.</summary>
    public AttemptRequest Attempt(AgentSpec spec, string attemptId, string runId) => new()
    {
        AttemptId = attemptId,
        RunId = runId,
        Attempt = 1,
        SpecJson = WireJson.WriteSpec(spec),
        RunRoot = WorkspaceRoot,
        UpstreamJson = "[]",
        RunParameters = [],
    };

    /// <summary>
    /// Runs a plan through the real scheduler with the cluster executor (on <paramref name="directory"/>'s view of the
    /// workers when given); <paramref name="observer"/> hears worker-lost.
    /// </summary>
    internal Task<RunOutcome> RunAsync(string yaml, RecordingObserver? observer = null, string? root = null, WorkerDirectory? directory = null)
    {
        observer ??= new RecordingObserver();
        var scrubber = new KnownSecretsScrubber(new RuleBasedSecretScrubber());
        var options = new EngineOptions { MaxParallel = 8, OverdueRecheckInterval = TimeSpan.FromMilliseconds(200) };
        var executor = new ClusterAgentExecutor(directory ?? Directory, new AgentExecutorContext(Registry, scrubber, TimeProvider.System, null, "coordinator", observer));
        var plan = new PlanParser(Registry).Parse(yaml, "cluster-test.yaml");
        return new WaveScheduler(executor, observer, options, scrubber).RunAsync(plan, new RunRequest { RunId = "cluster-test", Root = root ?? _ws.Path }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        _ws.Dispose();
    }
}

/// <summary>Waits on a condition, never on a fixed sleep: polls until it holds or the bound passes.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > bound) throw new TimeoutException($"not within {bound.TotalSeconds}s: {what}");
            await Task.Delay(50);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan bound, string what) => UntilAsync(() => Task.FromResult(condition()), bound, what);
}
