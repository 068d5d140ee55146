using System.Collections.Concurrent;
using System.Globalization;
using Muster.Agents;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Engine;

/// <summary>
/// Decides what runs: waves in order, a wave's agents in parallel (bounded), exit criteria between waves, finished
/// agents of a resumed run reused. How each agent runs is the <see cref="IAgentExecutor"/>'s business.
/// </summary>
/// <param name="childProcesses">Where agents record the process groups they start (the journal), for resume to reap.</param>
public sealed class WaveScheduler(IAgentExecutor executor, IRunObserver observer, EngineOptions options, ISecretScrubber? scrubber = null,
    IChildProcessLog? childProcesses = null)
{
    private readonly AgentSupervisor _supervisor = new(executor, observer, options, scrubber ?? NoSecretScrubber.Instance);

    public async Task<RunOutcome> RunAsync(Plan plan, RunRequest request, CancellationToken cancellationToken)
    {
        var time = options.Time;
        var outcomes = new ConcurrentDictionary<string, AgentOutcome>(StringComparer.Ordinal);
        foreach (var wave in plan.Waves)
        {
            foreach (var spec in wave.Agents)
            {
                outcomes[spec.Id] = new AgentOutcome { AgentId = spec.Id, Kind = spec.Kind, Role = spec.Role, WaveIndex = wave.Index };
            }
        }
        var waves = plan.Waves.Select(w => new WaveOutcome { Index = w.Index, Name = w.Name, ContinueOnFail = w.ContinueOnFail }).ToArray();
        var parameters = new Dictionary<string, string>(request.RunParameters, StringComparer.Ordinal);
        if (plan.BudgetUsd is { } budget) parameters.TryAdd("budget.usd", budget.ToString(CultureInfo.InvariantCulture));
        var services = new RunServices();
        services.Set(plan.Overview()); // agents that check the run itself (preflight) read the plan from here
        if (request.StateDirectory is { } state) services.Set(new RunStateFolder(state));
        if (childProcesses is not null) services.Set(childProcesses);

        RunOutcome Snapshot(RunStatus status, string? stopReason = null) => new()
        {
            RunId = request.RunId,
            PlanName = plan.Name,
            Root = request.Root,
            Status = status,
            StopReason = stopReason,
            StartedAt = request.StartedAt ?? time.GetUtcNow(),
            FinishedAt = status == RunStatus.Running ? null : time.GetUtcNow(),
            Waves = waves.ToList(),
            Agents = plan.AllAgents.Select(a => outcomes[a.Id]).ToList(),
        };

        await observer.RunStartedAsync(Snapshot(RunStatus.Running));
        string? stopReason = null;
        var status = RunStatus.Completed;
        var maxParallel = Math.Max(1, plan.MaxParallel is { } planMax ? Math.Min(planMax, options.MaxParallel) : options.MaxParallel);

        foreach (var wave in plan.Waves)
        {
            if (cancellationToken.IsCancellationRequested) { status = RunStatus.Interrupted; break; }
            waves[wave.Index] = waves[wave.Index] with { Status = WaveStatus.Running, StartedAt = time.GetUtcNow() };
            await observer.WaveStartedAsync(wave);

            var upstream = plan.Waves.Take(wave.Index).SelectMany(w => w.Agents).Select(a => outcomes[a.Id])
                .Select(o => new PriorOutput(o.AgentId, o.Kind, o.Role, o.State, o.Result.Summary, o.Result.Findings, o.Result.Artifacts))
                .ToList();
            var toRun = new List<AgentSpec>();
            foreach (var spec in wave.Agents)
            {
                if (request.Finished.TryGetValue(spec.Id, out var done) && done.State == AgentState.Succeeded)
                {
                    var reused = done with { Reused = true, WaveIndex = wave.Index };
                    outcomes[spec.Id] = reused;
                    await observer.AgentFinishedAsync(reused);
                }
                else
                {
                    toRun.Add(spec);
                }
            }

            // An agent's slot is free once it has finished; its journal commit is awaited before the wave ends (group
            // commit then gathers many outcomes per transaction instead of at most one per slot).
            var recording = new ConcurrentQueue<Task>();
            // A failed journal write stops the wave from starting more agents (their outcomes could not be kept either).
            using var recordingFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                await Parallel.ForEachAsync(toRun, new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = recordingFailed.Token },
                    async (spec, _1) =>
                    {
                        string? host = null;
                        // Placements beyond an attempt's first: the executor ran it again elsewhere (its worker was lost).
                        var replacements = 0;
                        var outcome = await _supervisor.RunAsync(spec, wave.Index,
                            attempt =>
                            {
                                host = null;
                                var placements = 0;
                                return new AgentInvocation(request.RunId, spec, request.Root, attempt, upstream, parameters, services,
                                    note => observer.AgentProgress(spec.Id, note))
                                {
                                    ReportHost = placed =>
                                    {
                                        if (placements++ > 0) replacements++;
                                        host = placed;
                                        observer.AgentPlaced(spec.Id, attempt + replacements, placed);
                                    },
                                };
                            },
                            cancellationToken);
                        // A failed attempt returns no result; where it ran is still known.
                        if (outcome.Result.Host is null && host is not null) outcome = outcome with { Result = outcome.Result with { Host = host } };
                        // Every run of the agent counts, so report.json and the journal agree with the worker-lost transitions.
                        if (replacements > 0) outcome = outcome with { Attempts = outcome.Attempts + replacements };
                        outcomes[spec.Id] = outcome;
                        var recorded = observer.AgentFinishedAsync(outcome).AsTask();
                        recording.Enqueue(recorded);
                        _ = recorded.ContinueWith(static (_, failed) => StopStarting((CancellationTokenSource)failed!), recordingFailed,
                            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Agents not yet started stay pending: a resume runs them.
            }
            finally
            {
                await Task.WhenAll(recording);
            }

            var waveOutcomes = wave.Agents.Select(a => outcomes[a.Id]).ToList();
            if (cancellationToken.IsCancellationRequested)
            {
                waves[wave.Index] = waves[wave.Index] with { Status = WaveStatus.Interrupted, FinishedAt = time.GetUtcNow() };
                await observer.WaveFinishedAsync(waves[wave.Index], Snapshot(RunStatus.Running));
                status = RunStatus.Interrupted;
                break;
            }

            var all = outcomes.Values.ToList();
            var criteria = wave.Exit.Select(c => c.Evaluate(waveOutcomes, all)).ToList();
            var failed = criteria.FirstOrDefault(c => !c.Passed);
            waves[wave.Index] = waves[wave.Index] with
            {
                Status = failed is null ? WaveStatus.Passed : WaveStatus.Failed,
                Criteria = criteria,
                FinishedAt = time.GetUtcNow(),
            };
            await observer.WaveFinishedAsync(waves[wave.Index], Snapshot(RunStatus.Running));

            if (failed is not null && !wave.ContinueOnFail)
            {
                stopReason = $"wave '{wave.Name}' exit criterion '{failed.Criterion}' failed: {failed.Reason}";
                status = RunStatus.Stopped;
                await SkipRemainingAsync(plan, wave.Index, outcomes, waves, stopReason);
                break;
            }
        }

        var final = Snapshot(status, stopReason);
        await observer.RunFinishedAsync(final);
        return final;
    }

    private async Task SkipRemainingAsync(Plan plan, int failedWave, ConcurrentDictionary<string, AgentOutcome> outcomes, WaveOutcome[] waves, string reason)
    {
        foreach (var later in plan.Waves.Skip(failedWave + 1))
        {
            waves[later.Index] = waves[later.Index] with { Status = WaveStatus.Skipped };
            foreach (var spec in later.Agents)
            {
                var skipped = outcomes[spec.Id] with { State = AgentState.Skipped, Error = "not started: " + reason };
                outcomes[spec.Id] = skipped;
                await observer.AgentFinishedAsync(skipped);
            }
        }
    }

    private static void StopStarting(CancellationTokenSource wave)
    {
        try
        {
            wave.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The wave had already ended.
        }
    }
}
