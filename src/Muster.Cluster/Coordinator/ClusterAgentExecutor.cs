using Muster.Agents;
using Muster.Cluster.Wire;
using Muster.Engine;
using Muster.Model;

namespace Muster.Cluster.Coordinator;

/// <summary>
/// Runs each attempt on a live worker that offers the agent's kind, labels and root (the least loaded). The
/// supervisor's timeouts and retries are untouched: its cancellation reaches the worker, which cancels the agent there.
/// A failed call is asked again while its worker still answers (the call, not the worker, was lost); a worker that does
/// not answer is lost: the attempt runs again on another matching worker (journaled <c>worker-lost</c>), or fails with
/// "worker lost" when none is left.
/// </summary>
public sealed class ClusterAgentExecutor(WorkerDirectory directory, AgentExecutorContext run) : IAgentExecutor
{
    /// <summary>Findings per page when a result is read back: 10,000 findings are ten small messages, not one large one.</summary>
    public const int FindingsPage = 1_000;

    public async Task<AgentResult> ExecuteAsync(AgentInvocation invocation, CancellationToken cancellationToken)
    {
        var spec = invocation.Spec;
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var lost = new List<string>();
        var request = Request(invocation);
        string? lostSincePick = null;
        while (true)
        {
            var workers = await directory.ListAsync(cancellationToken: cancellationToken);
            var worker = directory.Pick(workers, spec, excluded);
            if (worker is null)
            {
                var wanted = WorkerDirectory.Describe(spec);
                throw lost.Count > 0
                    ? new WorkerLostException($"worker lost: {string.Join("; ", lost)}; no other worker offers {wanted}")
                    : new NoMatchingWorkerException($"no worker offers {wanted}");
            }
            // Journaled only once another worker has taken it: a loss with no worker left ends in the failure above.
            if (lostSincePick is not null)
            {
                await run.Observer.AgentStateChangedAsync(spec.Id, invocation.Attempt + lost.Count, AgentState.Running, run.Time.GetUtcNow(),
                    $"worker-lost: {lostSincePick}; running again on worker {worker.WorkerId} (host {worker.Host})");
                lostSincePick = null;
            }
            invocation.ReportHost(worker.Host);
            try
            {
                using (directory.Track(worker.WorkerId))
                {
                    var result = await RunOnAsync(worker, request with { AttemptId = Guid.NewGuid().ToString("N") }, invocation, cancellationToken);
                    return InProcessAgentExecutor.Stamp(result, spec.Id, run.Scrubber) with { Host = worker.Host };
                }
            }
            catch (WorkerStopping)
            {
                excluded.Add(worker.WorkerId); // not lost: its running agents still report; it only takes nothing new
            }
            catch (WorkerUnreachable e)
            {
                excluded.Add(worker.WorkerId);
                directory.MarkLost(worker.WorkerId, e.Message);
                var why = $"worker {worker.WorkerId} (host {worker.Host}) lost: {e.Message}";
                lost.Add(why);
                if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(why, e, cancellationToken);
                lostSincePick = why;
            }
        }
    }

    internal AttemptRequest Request(AgentInvocation invocation) => new()
    {
        AttemptId = "",
        RunId = invocation.RunId,
        Attempt = invocation.Attempt,
        SpecJson = WireJson.WriteSpec(invocation.Spec),
        RunRoot = invocation.Root,
        UpstreamJson = ReadsUpstream(invocation.Spec.Kind) ? UpstreamJsonOf(invocation.Upstream) : NoUpstream,
        RunParameters = invocation.RunParameters.ToDictionary(StringComparer.Ordinal),
        UserRules = [.. run.Scrubber.UserRules],
    };

    private const string NoUpstream = "[]";

    private bool ReadsUpstream(string kind) => run.Registry.TryGet(kind, out var descriptor) && descriptor.ReadsUpstream;

    /// <summary>
    /// Earlier waves' outputs, scrubbed again with what the run has learnt since they were made. A wave's agents share
    /// one list, so it is written once per wave (again when the run has learnt a secret since), not once per attempt.
    /// </summary>
    private string UpstreamJsonOf(IReadOnlyList<PriorOutput> upstream)
    {
        var known = (run.Scrubber as KnownSecretsScrubber)?.Count ?? 0;
        lock (_upstreamLock)
        {
            if (ReferenceEquals(_upstreamSource, upstream) && _upstreamKnown == known && _upstreamJson is not null) return _upstreamJson;
            _upstreamJson = WireJson.WriteUpstream(upstream.Select(u => u with
            {
                Summary = run.Scrubber.Scrub(u.Summary),
                Findings = InProcessAgentExecutor.Stamp(new AgentResult { Findings = u.Findings }, u.AgentId, run.Scrubber).Findings,
                Artifacts = u.Artifacts.Select(a => a with { Content = run.Scrubber.Scrub(a.Content) }).ToList(),
            }).ToList());
            _upstreamSource = upstream;
            _upstreamKnown = known;
            return _upstreamJson;
        }
    }

    private readonly Lock _upstreamLock = new();
    private IReadOnlyList<PriorOutput>? _upstreamSource;
    private string? _upstreamJson;
    private int _upstreamKnown;

    private async Task<AgentResult> RunOnAsync(WorkerDescription worker, AttemptRequest request, AgentInvocation invocation, CancellationToken cancellationToken)
    {
        var grain = directory.Worker(worker.WorkerId);
        var refusal = await StartAsync(worker.WorkerId, grain, request);
        if (refusal is { TryAnother: true }) throw new WorkerStopping(refusal.Reason);
        if (refusal is not null) throw new AgentFailedOnWorkerException(refusal.Reason);
        long? cancelledAt = null;
        try
        {
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    if (cancelledAt is null)
                    {
                        cancelledAt = run.Time.GetTimestamp();
                        await CallAnsweredAsync(worker.WorkerId, () => grain.CancelAsync(request.AttemptId));
                    }
                    else if (run.Time.GetElapsedTime(cancelledAt.Value) > CancelledWait)
                    {
                        throw new OperationCanceledException($"worker {worker.WorkerId} did not stop the agent when cancelled", cancellationToken);
                    }
                }
                var status = await CallAnsweredAsync(worker.WorkerId, () => grain.PollAsync(request.AttemptId, ClusterTuning.PollWait));
                if (status.Progress is { } note) invocation.ReportProgress(note);
                switch (status.Phase)
                {
                    case AttemptPhase.Running:
                        continue;
                    case AttemptPhase.Succeeded:
                        return await ReadResultAsync(worker.WorkerId, grain, request.AttemptId, status);
                    case AttemptPhase.Skipped:
                        throw new AgentSkippedException(status.Error ?? "skipped on its worker");
                    case AttemptPhase.TransientFailure:
                        throw new TransientAgentException(status.Error ?? "transient failure on its worker");
                    case AttemptPhase.Cancelled:
                        throw new OperationCanceledException($"cancelled on worker {worker.WorkerId}", cancellationToken);
                    case AttemptPhase.Unknown:
                        throw new WorkerUnreachable($"it no longer knows attempt {request.AttemptId} (restarted?)");
                    default:
                        throw new AgentFailedOnWorkerException($"{status.Error} (on worker {worker.WorkerId})");
                }
            }
        }
        finally
        {
            _ = ReleaseQuietlyAsync(grain, request.AttemptId);
        }
    }

    /// <summary>How long a cancelled attempt is polled for its end; the supervisor has given up on it well before.</summary>
    private static readonly TimeSpan CancelledWait = TimeSpan.FromSeconds(30);

    private async Task<AgentResult> ReadResultAsync(string workerId, IWorkerGrain grain, string attemptId, AttemptStatus status)
    {
        var head = WireJson.ReadResultHead(status.ResultJson ?? throw new WorkerUnreachable("it sent a result without its body"));
        var findings = new List<Finding>(status.FindingCount);
        while (findings.Count < status.FindingCount)
        {
            var offset = findings.Count;
            var page = WireJson.ReadFindings(await CallAnsweredAsync(workerId, () => grain.ReadFindingsAsync(attemptId, offset, FindingsPage)));
            if (page.Count == 0) throw new WorkerUnreachable($"it sent {findings.Count} of {status.FindingCount} findings");
            findings.AddRange(page);
        }
        return head with { Findings = findings };
    }

    private static async Task ReleaseQuietlyAsync(IWorkerGrain grain, string attemptId)
    {
        try
        {
            await grain.ReleaseAsync(attemptId).WaitAsync(ClusterTuning.CallTimeout);
        }
        catch (Exception)
        {
            // the worker is gone or busy: it forgets finished attempts by itself
        }
    }

    /// <summary>How many failed calls in a row a worker that still answers is asked again before it counts as lost.</summary>
    private const int CallsPerAnswer = 3;

    /// <summary>
    /// A call that is made again while its worker answers (<see cref="WorkerDirectory.AnswersAsync"/>): polls, reads and
    /// cancels change nothing on the worker when they arrive twice, so a lost message costs a second call, not the attempt.
    /// </summary>
    private async Task<T> CallAnsweredAsync<T>(string workerId, Func<Task<T>> call)
    {
        for (var failed = 1; ; failed++)
        {
            try
            {
                return await CallAsync(call);
            }
            catch (WorkerUnreachable) when (failed < CallsPerAnswer)
            {
                if (!await directory.AnswersAsync(workerId)) throw;
            }
        }
    }

    private Task CallAnsweredAsync(string workerId, Func<Task> call) => CallAnsweredAsync(workerId, async () =>
    {
        await call();
        return true;
    });

    /// <summary>
    /// Starts the attempt; when the start call fails but the worker answers, the attempt's status says whether the start
    /// arrived (then it runs and is polled) or not (then it is sent again): never two runs of one attempt on one worker.
    /// </summary>
    private async Task<AttemptRefusal?> StartAsync(string workerId, IWorkerGrain grain, AttemptRequest request)
    {
        for (var failed = 1; ; failed++)
        {
            try
            {
                return await CallAsync(() => grain.StartAsync(request));
            }
            catch (WorkerUnreachable) when (failed < CallsPerAnswer)
            {
                if (!await directory.AnswersAsync(workerId)) throw;
            }
            var status = await CallAsync(() => grain.PollAsync(request.AttemptId, TimeSpan.Zero));
            if (status.Phase != AttemptPhase.Unknown) return null;
        }
    }

    /// <summary>
    /// One bounded call. Agent failures come back as data, so ANY exception here (silo unavailable, message rejected,
    /// connection failed, timed out, placement refused) means the worker cannot be reached.
    /// </summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().WaitAsync(ClusterTuning.CallTimeout);
        }
        catch (Exception e)
        {
            throw new WorkerUnreachable($"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    private sealed class WorkerStopping(string message) : Exception(message);

    private sealed class WorkerUnreachable : Exception
    {
        public WorkerUnreachable(string message) : base(message) { }

        public WorkerUnreachable(string message, Exception inner) : base(message, inner) { }
    }
}
