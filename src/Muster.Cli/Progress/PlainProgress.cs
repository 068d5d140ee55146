using System.Globalization;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Cli.Progress;

/// <summary>Progress as timestamped lines, for logs and CI (no terminal, or CI=true).</summary>
internal sealed class PlainProgress(TextWriter error, TimeProvider time) : IRunObserver
{
    private readonly Lock _gate = new();

    public ValueTask RunStartedAsync(RunOutcome run) => Line($"run {run.RunId} started: plan '{run.PlanName}', {run.Agents.Count} agents, root {run.Root}");

    public ValueTask WaveStartedAsync(WavePlan wave) => Line($"wave {wave.Index + 1} '{wave.Name}' started: {wave.Agents.Count} agents");

    public ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note) =>
        Line($"agent {agentId} {state.ToLabel()}" + (attempt > 1 ? $" (attempt {attempt})" : "") + (note is null ? "" : $": {note}"));

    public ValueTask AgentFinishedAsync(AgentOutcome o) =>
        Line($"agent {o.AgentId} {o.State.ToLabel()}{(o.WentOverdue ? " (went overdue)" : "")} in {o.Duration.TotalSeconds:0.0}s: " +
             $"{o.Result.Findings.Count} findings" + (o.Error is null ? "" : $"; {o.Error}"));

    public ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar) =>
        Line($"wave {wave.Index + 1} '{wave.Name}' {wave.Status.ToString().ToLowerInvariant()}" +
             string.Concat(wave.Criteria.Select(c => $"; {c.Criterion}: {(c.Passed ? "passed" : "FAILED")} ({c.Reason})")));

    public ValueTask RunFinishedAsync(RunOutcome run) =>
        Line($"run {run.RunId} {run.Status.ToString().ToLowerInvariant()}" + (run.StopReason is null ? "" : $": {run.StopReason}"));

    private ValueTask Line(string text)
    {
        lock (_gate)
        {
            error.WriteLine($"{time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {text}");
        }
        return ValueTask.CompletedTask;
    }
}
