using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Muster.Agents;
using Muster.Cluster.Wire;
using Muster.Engine;
using Muster.Model;
using Orleans.Configuration;

namespace Muster.Cluster.Worker;

/// <summary>
/// The agents one worker runs, outside any grain so a grain's deactivation never touches them. Each attempt runs
/// through <see cref="InProcessAgentExecutor"/> with the run's rules (<see cref="WorkerRules"/>): results are redacted
/// here, before anything crosses the wire.
/// </summary>
public sealed class WorkerRuntime
{
    private readonly WorkerSettings _settings;
    private readonly AgentRegistry _registry;
    private readonly ISecretScrubber _scrubber;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<string, RunningAttempt> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunServices> _services = new(StringComparer.Ordinal);
    private volatile bool _draining;
    private int _cancelled;

    public WorkerRuntime(WorkerSettings settings, AgentRegistry registry, ISecretScrubber scrubber, IOptions<SiloOptions> silo,
        ILoggerFactory loggers, TimeProvider? time = null)
    {
        _settings = settings;
        _registry = registry;
        _scrubber = scrubber;
        _loggers = loggers;
        _time = time ?? TimeProvider.System;
        WorkerId = silo.Value.SiloName;
    }

    public string WorkerId { get; }
    public string Host => _settings.Host;
    public int Running => _attempts.Values.Count(a => !a.Task.IsCompleted);

    /// <summary>Attempts cancelled here at the coordinator's request (its hard timeout, or its run interrupted).</summary>
    public int CancelledAttempts => Volatile.Read(ref _cancelled);

    public WorkerDescription Describe() => new()
    {
        WorkerId = WorkerId,
        Host = Host,
        Labels = _settings.Labels.ToDictionary(StringComparer.Ordinal),
        Kinds = _registry.Kinds.ToArray(),
        Roots = _settings.Roots.ToDictionary(StringComparer.Ordinal),
        Running = Running,
        Heartbeat = _time.GetUtcNow(),
        Version = MusterVersion.Current,
        Draining = _draining,
    };

    /// <summary>Takes no new attempt; returns once the running ones ended or <paramref name="cancellationToken"/> fired.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var running = _attempts.Values.Select(a => a.Task).Where(t => !t.IsCompleted).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // an agent's failure is its coordinator's business; draining only waits
        }
    }

    public AttemptRefusal? Start(AttemptRequest request)
    {
        // The coordinator sends a start again when it did not hear whether the first arrived: that one runs, once.
        if (_attempts.ContainsKey(request.AttemptId)) return null;
        if (_draining) return new AttemptRefusal { Reason = $"worker {WorkerId} is stopping", TryAnother = true };
        var spec = WireJson.ReadSpec(request.SpecJson);
        if (RootOf(spec, request.RunRoot, out var root) is { } why) return new AttemptRefusal { Reason = why };
        var services = _services.GetOrAdd(request.RunId, _ => new RunServices());
        ISecretScrubber rules;
        try
        {
            rules = WorkerRules.For(request, spec, root, _scrubber, services);
        }
        catch (AgentSettingsException e)
        {
            return new AttemptRefusal { Reason = $"worker {WorkerId} cannot use the run's secret rules: {e.Message}" };
        }

        // A fresh scrubber per attempt: what the secrets agent learns here stays with this attempt.
        var cts = new CancellationTokenSource();
        var attempt = new RunningAttempt(request.RunId, cts, _time.GetUtcNow(), new KnownSecretsScrubber(rules));
        var invocation = new AgentInvocation(request.RunId, spec, root, request.Attempt, WireJson.ReadUpstream(request.UpstreamJson),
            request.RunParameters, services, note => attempt.Progress = note);
        var executor = new InProcessAgentExecutor(_registry, attempt.Scrubber, _time, _loggers, Host);
        attempt.Task = executor.ExecuteAsync(invocation, cts.Token);
        if (!_attempts.TryAdd(request.AttemptId, attempt))
        {
            cts.Cancel();
            return new AttemptRefusal { Reason = $"attempt {request.AttemptId} was started twice" };
        }
        ForgetAbandoned();
        return null;
    }

    /// <summary>The folder the agent audits here: its named root, else the run's root when this machine has it. Null: fine.</summary>
    private string? RootOf(Engine.Plans.AgentSpec spec, string runRoot, out string root)
    {
        root = runRoot;
        if (!_registry.TryGet(spec.Kind, out _)) return $"worker {WorkerId} has no agent kind '{spec.Kind}' (another Muster version?)";
        if (spec.RootName is { } name)
        {
            if (_settings.Roots.TryGetValue(name, out var path))
            {
                root = path;
                return null;
            }
            return $"worker {WorkerId} has no root '{name}'" + (_settings.Roots.Count == 0 ? "" : $" (its roots: {string.Join(", ", _settings.Roots.Keys)})");
        }
        return Directory.Exists(runRoot)
            ? null
            : $"the run's root {runRoot} is not a folder on worker {WorkerId}: give agent '{spec.Id}' a 'root:' naming one of the worker's --root";
    }

    public async Task<AttemptStatus> PollAsync(string attemptId, TimeSpan wait)
    {
        if (!_attempts.TryGetValue(attemptId, out var attempt)) return AttemptStatus.Unknown;
        if (!attempt.Task.IsCompleted) await Task.WhenAny(attempt.Task, Task.Delay(wait, _time));
        var progress = Interlocked.Exchange(ref attempt.Progress, null);
        if (!attempt.Task.IsCompleted) return new AttemptStatus { Phase = AttemptPhase.Running, Progress = progress };
        attempt.FinishedAt ??= _time.GetUtcNow();
        if (attempt.Task.IsCompletedSuccessfully)
        {
            var result = attempt.Task.Result;
            return new AttemptStatus { Phase = AttemptPhase.Succeeded, ResultJson = WireJson.WriteResultHead(result), FindingCount = result.Findings.Count };
        }
        var error = attempt.Task.Exception?.InnerException;
        if (attempt.Task.IsCanceled || error is OperationCanceledException)
        {
            return attempt.Cancellation.IsCancellationRequested
                ? new AttemptStatus { Phase = AttemptPhase.Cancelled }
                : new AttemptStatus { Phase = AttemptPhase.Failed, Error = "OperationCanceledException: the agent cancelled itself" };
        }
        return error switch
        {
            AgentSkippedException => new AttemptStatus { Phase = AttemptPhase.Skipped, Error = attempt.Scrubber.Scrub(error.Message) },
            TransientAgentException => new AttemptStatus { Phase = AttemptPhase.TransientFailure, Error = Describe(error, attempt.Scrubber) },
            _ => new AttemptStatus { Phase = AttemptPhase.Failed, Error = error is null ? "the agent failed" : Describe(error, attempt.Scrubber) },
        };
    }

    public string ReadFindings(string attemptId, int offset, int count) =>
        _attempts.TryGetValue(attemptId, out var attempt) && attempt.Task.IsCompletedSuccessfully
            ? WireJson.WriteFindings(attempt.Task.Result.Findings.Skip(offset).Take(count))
            : throw new InvalidOperationException($"attempt {attemptId} has no result on worker {WorkerId}");

    public void Cancel(string attemptId)
    {
        if (!_attempts.TryGetValue(attemptId, out var attempt) || attempt.Task.IsCompleted) return;
        Interlocked.Increment(ref _cancelled);
        attempt.Cancellation.Cancel();
    }

    /// <summary>
    /// The coordinator is done with the attempt: it holds the result, or gave up on this worker (a slow worker taken
    /// for lost must not keep a second copy of the agent running).
    /// </summary>
    public void Release(string attemptId)
    {
        if (!_attempts.TryRemove(attemptId, out var attempt)) return;
        if (!attempt.Task.IsCompleted) attempt.Cancellation.Cancel();
        attempt.Task.ContinueWith(_ => attempt.Cancellation.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>A coordinator that died never releases its attempts: finished ones are dropped after an hour.</summary>
    private void ForgetAbandoned()
    {
        var cutoff = _time.GetUtcNow() - TimeSpan.FromHours(1);
        foreach (var (id, attempt) in _attempts)
        {
            if (attempt.Task.IsCompleted && (attempt.FinishedAt ??= _time.GetUtcNow()) < cutoff) Release(id);
        }
    }

    private static string Describe(Exception e, ISecretScrubber scrubber) => scrubber.Scrub($"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "));

    private sealed class RunningAttempt(string runId, CancellationTokenSource cancellation, DateTimeOffset startedAt, ISecretScrubber scrubber)
    {
        public string RunId { get; } = runId;

        /// <summary>The run's rules plus what the attempt's secrets agent found: its error text is scrubbed with them too.</summary>
        public ISecretScrubber Scrubber { get; } = scrubber;
        public CancellationTokenSource Cancellation { get; } = cancellation;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public Task<AgentResult> Task { get; set; } = System.Threading.Tasks.Task.FromResult(AgentResult.Empty());
        public DateTimeOffset? FinishedAt { get; set; }
        public string? Progress;
    }
}
