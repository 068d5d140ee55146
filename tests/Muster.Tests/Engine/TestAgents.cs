using System.Collections.Concurrent;
using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Tests.Engine;

/// <summary>An agent whose behaviour is a lambda, for engine tests.</summary>
internal sealed class LambdaAgent(Func<AgentContext, CancellationToken, Task<AgentResult>> run) : IAgent
{
    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
}

/// <summary>Builds registries of lambda agents and runs plans against them.</summary>
internal sealed class EngineHarness
{
    public AgentRegistry Registry { get; } = new();
    public RecordingObserver Observer { get; } = new();

    public EngineHarness Kind(string kind, Func<AgentContext, CancellationToken, Task<AgentResult>> run)
    {
        Registry.Add(new AgentDescriptor(kind, AgentRole.Scanner, kind, () => new LambdaAgent(run)));
        return this;
    }

    public Plan Plan(string yaml) => new PlanParser(Registry).Parse(yaml, "test-plan.yaml");

    /// <summary>Grace after a hard timeout: generous by default so a loaded CI machine never turns "cancelled" into "abandoned".</summary>
    public TimeSpan CancellationGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The engine's and the agents' clock: timeout and retry tests give a <see cref="SteppedClock"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Task<RunOutcome> RunAsync(string yaml, int maxParallel = 8, CancellationToken cancellationToken = default, RunRequest? request = null) =>
        new WaveScheduler(new InProcessAgentExecutor(Registry, NoSecretScrubber.Instance, Time), Observer,
                new EngineOptions { MaxParallel = maxParallel, CancellationGrace = CancellationGrace, OverdueRecheckInterval = TimeSpan.FromMilliseconds(100), Time = Time })
            .RunAsync(Plan(yaml), request ?? new RunRequest { RunId = "test-run", Root = Path.GetTempPath() }, cancellationToken);

    public static Finding Finding(string rule, Severity severity, string path = "a.txt", int line = 1) => new()
    {
        RuleId = rule,
        Title = rule,
        Severity = severity,
        Category = "test",
        Message = $"{rule} at {path}:{line}",
        Location = new SourceLocation(path, line),
    };
}

/// <summary>Records every state change the engine reports.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public ConcurrentQueue<(string Agent, AgentState State, string? Note)> Transitions { get; } = new();
    public ConcurrentQueue<string> Waves { get; } = new();

    public ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note)
    {
        Transitions.Enqueue((agentId, state, note));
        return ValueTask.CompletedTask;
    }

    public ValueTask WaveStartedAsync(WavePlan wave)
    {
        Waves.Enqueue(wave.Name);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<AgentState> StatesOf(string agent) => Transitions.Where(t => t.Agent == agent).Select(t => t.State).ToList();
}
