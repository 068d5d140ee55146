using System.Diagnostics;
using System.Text;
using Muster.Agents;
using Muster.Composition;
using Muster.Engine;
using Muster.Engine.Plans;

namespace Muster.Bench;

/// <summary>
/// The spine's two figures: 10,000 no-op agents in 3 waves with the journal on (target under 1 s), and 100 agents each
/// awaiting 200 ms of I/O at --max-parallel 20 against --max-parallel 1 (target at least 16× faster).
/// </summary>
internal sealed class EngineBenchmark : IBenchmark
{
    public string Name => "engine";
    public string Description => "10,000 no-op agents with the journal; 100 × 200 ms I/O agents at max-parallel 20 vs 1.";

    public async Task RunAsync(string[] args)
    {
        var registry = BuiltInAgents.CreateRegistry();
        await NoopAgentsAsync(registry, 10_000); // warm-up: JIT, SQLite native load
        var noop = await NoopAgentsAsync(registry, 10_000);
        Console.WriteLine($"noop: 10,000 agents in 3 waves, journal on: {noop.TotalMilliseconds:0} ms (target < 1000 ms)");

        var parallel = await SleepAgentsAsync(registry, 100, maxParallel: 20);
        var serial = await SleepAgentsAsync(registry, 100, maxParallel: 1);
        Console.WriteLine($"io: 100 × 200 ms, max-parallel 20: {parallel.TotalMilliseconds:0} ms; max-parallel 1: {serial.TotalMilliseconds:0} ms; " +
                          $"speed-up {serial / parallel:0.0}× (target ≥ 16×)");
    }

    private static async Task<TimeSpan> NoopAgentsAsync(AgentRegistry registry, int count)
    {
        var perWave = count / 3;
        var yaml = new StringBuilder("name: noop\nwaves:\n");
        for (var w = 0; w < 3; w++)
        {
            yaml.Append($"  - name: w{w}\n    agents:\n");
            var n = w == 2 ? count - 2 * perWave : perWave;
            for (var i = 0; i < n; i++) yaml.Append($"      - {{id: a{w}-{i}, kind: noop}}\n");
        }
        return await TimeRunAsync(registry, yaml.ToString(), EngineOptions.DefaultMaxParallel);
    }

    private static async Task<TimeSpan> SleepAgentsAsync(AgentRegistry registry, int count, int maxParallel)
    {
        var yaml = new StringBuilder("name: io\nwaves:\n  - name: w\n    agents:\n");
        for (var i = 0; i < count; i++) yaml.Append($"      - {{id: s{i}, kind: sleep, with: {{duration: 200ms}}}}\n");
        return await TimeRunAsync(registry, yaml.ToString(), maxParallel);
    }

    private static async Task<TimeSpan> TimeRunAsync(AgentRegistry registry, string yaml, int maxParallel)
    {
        var plan = new PlanParser(registry).Parse(yaml, "bench.yaml");
        var state = Directory.CreateTempSubdirectory("muster-bench-").FullName;
        try
        {
            var host = new RunHost(registry, new EngineOptions { MaxParallel = maxParallel }, NoSecretScrubber.Instance);
            var watch = Stopwatch.StartNew();
            var outcome = await host.StartAsync(plan, state, state, new Dictionary<string, string>(), [], CancellationToken.None);
            watch.Stop();
            if (outcome.Status != RunStatus.Completed) throw new InvalidOperationException($"benchmark run ended {outcome.Status}");
            return watch.Elapsed;
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
