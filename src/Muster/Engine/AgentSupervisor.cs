using Muster.Agents;
using Muster.Engine.Plans;
using Muster.Formats;
using Muster.Model;

namespace Muster.Engine;

/// <summary>
/// Watches one agent through its attempts: soft timeout → overdue (still running, re-checked), hard timeout →
/// cancelled then abandoned (timed-out), transient failures retried with exponential backoff, anything else failed.
/// </summary>
internal sealed class AgentSupervisor(IAgentExecutor executor, IRunObserver observer, EngineOptions options, ISecretScrubber scrubber)
{
    private TimeProvider Time => options.Time;

    public async Task<AgentOutcome> RunAsync(AgentSpec spec, int waveIndex, Func<int, AgentInvocation> invocationFor, CancellationToken runToken)
    {
        var startedAt = Time.GetUtcNow();
        var startTicks = Time.GetTimestamp();
        var wentOverdue = false;
        for (var attempt = 1; ; attempt++)
        {
            await observer.AgentStateChangedAsync(spec.Id, attempt, AgentState.Running, Time.GetUtcNow(), attempt > 1 ? $"attempt {attempt}" : null);
            var (state, result, error, overdue) = await RunAttemptAsync(spec, invocationFor(attempt), attempt, runToken);
            wentOverdue |= overdue;

            if (state == AgentState.Failed && error.Transient && attempt <= spec.Retries && !runToken.IsCancellationRequested)
            {
                // Doubling from a long backoff over many retries would overflow TimeSpan: the wait is capped.
                var delay = TimeSpan.FromMilliseconds(Math.Min(spec.RetryBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1), DurationText.Maximum.TotalMilliseconds));
                await observer.AgentStateChangedAsync(spec.Id, attempt, AgentState.Failed, Time.GetUtcNow(),
                    $"transient: {error.Text}; retrying in {DurationText.Format(delay)}");
                try
                {
                    await Task.Delay(delay, Time, runToken);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    state = AgentState.Cancelled;
                    error = (false, "cancelled while waiting to retry");
                }
            }

            return new AgentOutcome
            {
                AgentId = spec.Id,
                Kind = spec.Kind,
                Role = spec.Role,
                WaveIndex = waveIndex,
                State = state,
                Attempts = attempt,
                StartedAt = startedAt,
                FinishedAt = Time.GetUtcNow(),
                Duration = Time.GetElapsedTime(startTicks),
                WentOverdue = wentOverdue,
                Error = error.Text,
                Result = result ?? AgentResult.Empty(),
            };
        }
    }

    private async Task<(AgentState State, AgentResult? Result, (bool Transient, string? Text) Error, bool Overdue)> RunAttemptAsync(
        AgentSpec spec, AgentInvocation invocation, int attempt, CancellationToken runToken)
    {
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        var attemptStart = Time.GetTimestamp();
        Task<AgentResult> task;
        try
        {
            task = executor.ExecuteAsync(invocation, attemptCts.Token);
        }
        catch (Exception e)
        {
            return (AgentState.Failed, null, (false, Describe(e)), false);
        }

        var overdue = false;
        var recheck = options.OverdueRecheckInterval ?? TimeSpan.FromTicks(Math.Clamp(spec.SoftTimeout.Ticks, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(30).Ticks));
        using (var delayCts = CancellationTokenSource.CreateLinkedTokenSource(runToken))
        {
            while (!task.IsCompleted)
            {
                var elapsed = Time.GetElapsedTime(attemptStart);
                var untilHard = spec.HardTimeout - elapsed;
                var wait = overdue ? Min(recheck, untilHard) : Min(spec.SoftTimeout - elapsed, untilHard);
                if (wait > TimeSpan.Zero)
                {
                    var delay = Task.Delay(wait, Time, delayCts.Token);
                    await Task.WhenAny(task, delay).ConfigureAwait(false);
                    if (task.IsCompleted) break;
                    if (runToken.IsCancellationRequested) break;
                }
                elapsed = Time.GetElapsedTime(attemptStart);
                if (elapsed >= spec.HardTimeout)
                {
                    return await HardTimeoutAsync(spec, task, attemptCts, attempt, overdue);
                }
                if (!overdue && elapsed >= spec.SoftTimeout)
                {
                    overdue = true;
                    await observer.AgentStateChangedAsync(spec.Id, attempt, AgentState.Overdue, Time.GetUtcNow(),
                        $"soft timeout {DurationText.Format(spec.SoftTimeout)} passed; still running, not failed; hard timeout at {DurationText.Format(spec.HardTimeout)}");
                }
                else if (overdue)
                {
                    await observer.AgentStateChangedAsync(spec.Id, attempt, AgentState.Overdue, Time.GetUtcNow(),
                        $"re-checked after {DurationText.Format(elapsed)}: still running");
                }
            }
            delayCts.Cancel();
        }

        if (!task.IsCompleted)
        {
            // The run was cancelled: give the agent the grace period to stop cooperatively, then abandon it.
            await Task.WhenAny(task, Task.Delay(options.CancellationGrace, Time)).ConfigureAwait(false);
            if (!task.IsCompleted)
            {
                Abandon(task);
                return (AgentState.Cancelled, null, (false, "run interrupted; agent abandoned after the grace period"), overdue);
            }
        }

        try
        {
            var result = await task.ConfigureAwait(false);
            return (AgentState.Succeeded, result, (false, null), overdue);
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            return (AgentState.Cancelled, null, (false, "run interrupted"), overdue);
        }
        catch (AgentSkippedException e)
        {
            return (AgentState.Skipped, null, (false, scrubber.Scrub(e.Message)), overdue);
        }
        catch (TransientAgentException e)
        {
            return (AgentState.Failed, null, (true, Describe(e)), overdue);
        }
        catch (Exception e)
        {
            return (AgentState.Failed, null, (false, Describe(e)), overdue);
        }
    }

    private async Task<(AgentState, AgentResult?, (bool, string?), bool)> HardTimeoutAsync(
        AgentSpec spec, Task<AgentResult> task, CancellationTokenSource attemptCts, int attempt, bool overdue)
    {
        await attemptCts.CancelAsync();
        await Task.WhenAny(task, Task.Delay(options.CancellationGrace, Time)).ConfigureAwait(false);
        var how = task.IsCompleted ? "cancelled" : "did not stop when cancelled and was abandoned";
        if (!task.IsCompleted) Abandon(task);
        else _ = task.Exception; // observed: the outcome is the timeout, not whatever the cancellation threw
        await Task.CompletedTask;
        return (AgentState.TimedOut, null, (false, $"hard timeout {DurationText.Format(spec.HardTimeout)} reached on attempt {attempt}; {how}"), overdue);
    }

    private static void Abandon(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private string Describe(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerExceptions[0] : e;
        return scrubber.Scrub($"{inner.GetType().Name}: {inner.Message}");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
