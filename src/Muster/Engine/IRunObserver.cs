using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Engine;

/// <summary>Hears what a run does, as it happens: the journal, the live view and the continuation file are observers.</summary>
public interface IRunObserver
{
    ValueTask RunStartedAsync(RunOutcome run) => ValueTask.CompletedTask;
    ValueTask WaveStartedAsync(WavePlan wave) => ValueTask.CompletedTask;

    /// <summary>An agent changed state (running, overdue, retried...). <paramref name="note"/> says why, when there is more to say.</summary>
    ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note) => ValueTask.CompletedTask;

    /// <summary>A progress note from a running agent ("412/1,200 files"); called often, must be cheap.</summary>
    void AgentProgress(string agentId, string note) { }

    /// <summary>The executor placed an attempt on <paramref name="host"/> (this machine, or a cluster worker); must be cheap.</summary>
    void AgentPlaced(string agentId, int attempt, string host) { }

    /// <summary>An agent reached its final state. Returns when the observer holds it durably.</summary>
    ValueTask AgentFinishedAsync(AgentOutcome outcome) => ValueTask.CompletedTask;

    ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar) => ValueTask.CompletedTask;
    ValueTask RunFinishedAsync(RunOutcome run) => ValueTask.CompletedTask;
}

/// <summary>Fans events out to several observers in order.</summary>
public sealed class CompositeRunObserver(IEnumerable<IRunObserver> observers) : IRunObserver
{
    private readonly IRunObserver[] _observers = observers.ToArray();

    public async ValueTask RunStartedAsync(RunOutcome run) { foreach (var o in _observers) await o.RunStartedAsync(run); }
    public async ValueTask WaveStartedAsync(WavePlan wave) { foreach (var o in _observers) await o.WaveStartedAsync(wave); }
    public async ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note)
    { foreach (var o in _observers) await o.AgentStateChangedAsync(agentId, attempt, state, at, note); }
    public void AgentProgress(string agentId, string note) { foreach (var o in _observers) o.AgentProgress(agentId, note); }
    public void AgentPlaced(string agentId, int attempt, string host) { foreach (var o in _observers) o.AgentPlaced(agentId, attempt, host); }
    public async ValueTask AgentFinishedAsync(AgentOutcome outcome) { foreach (var o in _observers) await o.AgentFinishedAsync(outcome); }
    public async ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar) { foreach (var o in _observers) await o.WaveFinishedAsync(wave, runSoFar); }
    public async ValueTask RunFinishedAsync(RunOutcome run) { foreach (var o in _observers) await o.RunFinishedAsync(run); }
}
