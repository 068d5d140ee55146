using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Engine.Telemetry;

/// <summary>
/// OpenTelemetry for a run through the BCL's ActivitySource and Meter (both named "Muster"): a span per run, wave and
/// agent attempt, and metrics for agents by state, their durations and findings by severity. Nothing is recorded
/// unless a listener (an OpenTelemetry SDK provider) subscribes to "Muster".
/// </summary>
public sealed class TelemetryObserver : IRunObserver, IDisposable
{
    public const string SourceName = "Muster";

    private static readonly ActivitySource Source = new(SourceName, typeof(TelemetryObserver).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> AgentsCounter = Meter.CreateCounter<long>("muster.agents", "{agent}", "Agents that reached a final state, by state.");
    private static readonly Histogram<double> AgentDuration = Meter.CreateHistogram<double>("muster.agent.duration", "s", "Time an agent spent running, by kind and state.");
    private static readonly Counter<long> FindingsCounter = Meter.CreateCounter<long>("muster.findings", "{finding}", "Findings reported by agents, by severity.");
    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("muster.run.duration", "s", "Wall time of a run, by status.");

    private readonly object _gate = new();
    private readonly Dictionary<int, Activity> _waves = [];
    private readonly ConcurrentDictionary<string, int> _waveOfAgent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Activity> _attempts = new(StringComparer.Ordinal);
    private Activity? _run;
    private string _runId = "";

    public ValueTask RunStartedAsync(RunOutcome run)
    {
        _runId = run.RunId;
        _run = Source.StartActivity("muster.run", ActivityKind.Internal, parentContext: default);
        _run?.SetTag("muster.run.id", run.RunId);
        _run?.SetTag("muster.plan.name", run.PlanName);
        _run?.SetTag("muster.agents", run.Agents.Count);
        foreach (var agent in run.Agents) _waveOfAgent[agent.AgentId] = agent.WaveIndex;
        return ValueTask.CompletedTask;
    }

    public ValueTask WaveStartedAsync(WavePlan wave)
    {
        foreach (var agent in wave.Agents) _waveOfAgent[agent.Id] = wave.Index;
        var activity = Source.StartActivity("muster.wave", ActivityKind.Internal, _run?.Context ?? default);
        activity?.SetTag("muster.run.id", _runId);
        activity?.SetTag("muster.wave.index", wave.Index);
        activity?.SetTag("muster.wave.name", wave.Name);
        activity?.SetTag("muster.wave.agents", wave.Agents.Count);
        if (activity is not null) lock (_gate) _waves[wave.Index] = activity;
        return ValueTask.CompletedTask;
    }

    public ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note)
    {
        switch (state)
        {
            case AgentState.Running:
                EndAttempt(agentId, null, null);
                var activity = Source.StartActivity("muster.agent.attempt", ActivityKind.Internal, ParentOf(agentId));
                if (activity is null) break;
                activity.SetTag("muster.run.id", _runId);
                activity.SetTag("muster.agent.id", agentId);
                activity.SetTag("muster.agent.attempt", attempt);
                _attempts[agentId] = activity;
                break;
            case AgentState.Overdue:
                if (_attempts.TryGetValue(agentId, out var running))
                {
                    running.SetTag("muster.agent.went_overdue", true);
                    running.AddEvent(new ActivityEvent("overdue", at, new ActivityTagsCollection { ["note"] = note }));
                }
                break;
            case AgentState.Failed:
                // A failed attempt that will be retried: the attempt ends here, the next one gets its own span.
                EndAttempt(agentId, "failed", note);
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask AgentFinishedAsync(AgentOutcome outcome)
    {
        var state = outcome.State.ToLabel();
        if (!_attempts.TryRemove(outcome.AgentId, out var activity))
        {
            // Reused from the journal or skipped: no attempt ran, but the agent still appears under its wave.
            activity = Source.StartActivity("muster.agent.attempt", ActivityKind.Internal, ParentOf(outcome.AgentId));
            activity?.SetTag("muster.run.id", _runId);
            activity?.SetTag("muster.agent.id", outcome.AgentId);
            activity?.SetTag("muster.agent.attempt", outcome.Attempts);
        }
        if (activity is not null)
        {
            activity.SetTag("muster.agent.kind", outcome.Kind);
            activity.SetTag("muster.agent.role", outcome.Role.ToString().ToLowerInvariant());
            activity.SetTag("muster.agent.state", state);
            activity.SetTag("muster.agent.duration_ms", outcome.Duration.TotalMilliseconds);
            activity.SetTag("muster.agent.went_overdue", outcome.WentOverdue);
            activity.SetTag("muster.agent.reused", outcome.Reused);
            foreach (var severity in SeverityText.WorstFirst)
            {
                activity.SetTag("muster.findings." + severity.ToLabel().ToLowerInvariant(), outcome.Result.Findings.Count(f => f.Severity == severity));
            }
            if (outcome.State != AgentState.Succeeded) activity.SetStatus(ActivityStatusCode.Error, outcome.Error ?? state);
            activity.Stop();
        }

        var stateTag = new KeyValuePair<string, object?>("state", state);
        AgentsCounter.Add(1, stateTag, new KeyValuePair<string, object?>("kind", outcome.Kind));
        if (outcome.Attempts > 0) AgentDuration.Record(outcome.Duration.TotalSeconds, stateTag, new KeyValuePair<string, object?>("kind", outcome.Kind));
        if (!outcome.Reused)
        {
            foreach (var group in outcome.Result.Findings.GroupBy(f => f.Severity))
            {
                FindingsCounter.Add(group.Count(), new KeyValuePair<string, object?>("severity", group.Key.ToLabel()));
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar)
    {
        Activity? activity;
        lock (_gate)
        {
            if (_waves.Remove(wave.Index, out activity) is false) return ValueTask.CompletedTask;
        }
        activity!.SetTag("muster.wave.status", wave.Status.ToString().ToLowerInvariant());
        activity.SetTag("muster.wave.criteria_failed", wave.Criteria.Count(c => !c.Passed));
        if (wave.Status == WaveStatus.Failed) activity.SetStatus(ActivityStatusCode.Error, string.Join("; ", wave.Criteria.Where(c => !c.Passed).Select(c => c.Criterion)));
        activity.Stop();
        return ValueTask.CompletedTask;
    }

    public ValueTask RunFinishedAsync(RunOutcome run)
    {
        foreach (var id in _attempts.Keys.ToList()) EndAttempt(id, "interrupted", null);
        lock (_gate)
        {
            foreach (var wave in _waves.Values) wave.Stop();
            _waves.Clear();
        }
        if (_run is { } activity)
        {
            activity.SetTag("muster.run.status", run.Status.ToString().ToLowerInvariant());
            foreach (var state in Enum.GetValues<AgentState>())
            {
                activity.SetTag("muster.agents." + state.ToLabel(), run.Agents.Count(a => a.State == state));
            }
            var findings = run.Findings;
            foreach (var severity in SeverityText.WorstFirst)
            {
                activity.SetTag("muster.findings." + severity.ToLabel().ToLowerInvariant(), findings.Count(f => f.Severity == severity));
            }
            if (run.Status != RunStatus.Completed) activity.SetStatus(ActivityStatusCode.Error, run.StopReason ?? run.Status.ToString());
            activity.Stop();
            _run = null;
        }
        if (run.FinishedAt is { } finished)
        {
            RunDuration.Record((finished - run.StartedAt).TotalSeconds, new KeyValuePair<string, object?>("status", run.Status.ToString().ToLowerInvariant()));
        }
        return ValueTask.CompletedTask;
    }

    private ActivityContext ParentOf(string agentId)
    {
        lock (_gate)
        {
            if (_waveOfAgent.TryGetValue(agentId, out var index) && _waves.TryGetValue(index, out var wave)) return wave.Context;
        }
        return _run?.Context ?? default;
    }

    private void EndAttempt(string agentId, string? state, string? note)
    {
        if (!_attempts.TryRemove(agentId, out var activity)) return;
        if (state is not null)
        {
            activity.SetTag("muster.agent.state", state);
            activity.SetStatus(ActivityStatusCode.Error, note ?? state);
        }
        activity.Stop();
    }

    public void Dispose()
    {
        foreach (var id in _attempts.Keys.ToList()) EndAttempt(id, "abandoned", null);
        _run?.Stop();
    }
}
