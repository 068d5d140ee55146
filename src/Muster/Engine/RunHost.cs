using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Engine;

/// <summary>Starts and resumes journaled runs: the one place that wires plan, journal, scheduler and observers.</summary>
/// <param name="executors">Where agents run (a cluster); null: in this process.</param>
public sealed class RunHost(AgentRegistry registry, EngineOptions options, ISecretScrubber scrubber, ILoggerFactory? loggers = null,
    AgentExecutorFactory? executors = null)
{
    public async Task<RunOutcome> StartAsync(Plan plan, string root, string stateDirectory, IReadOnlyDictionary<string, string> parameters,
        IEnumerable<IRunObserver> observers, CancellationToken cancellationToken, string? runId = null, RunPurpose purpose = RunPurpose.Run)
    {
        runId ??= NewRunId(options.Time);
        var request = new RunRequest { RunId = runId, Root = Path.GetFullPath(root), RunParameters = parameters, StartedAt = options.Time.GetUtcNow(), Purpose = purpose };
        return await RunAsync(plan, request, stateDirectory, observers, cancellationToken);
    }

    /// <summary>Runs what an interrupted run left: succeeded agents keep their findings and are not run again.</summary>
    /// <exception cref="UnknownRunException">The run is unknown.</exception>
    /// <exception cref="MissingRunParameterException">A credential-like parameter the journal did not keep was not given again.</exception>
    public async Task<RunOutcome> ResumeAsync(string runId, string stateDirectory, IEnumerable<IRunObserver> observers, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? parameters = null)
    {
        RunRecord record;
        Dictionary<string, AgentOutcome> finished;
        using (var reader = JournalReader.Open(stateDirectory))
        {
            record = reader.FindRun(runId) ?? throw new UnknownRunException(
                $"no run '{runId}' in {stateDirectory}; 'muster runs --state {stateDirectory}' lists the runs there");
            finished = reader.LoadAgents(runId).Where(a => a.State == AgentState.Succeeded).ToDictionary(a => a.AgentId, StringComparer.Ordinal);
        }
        ReapLeftoverChildren(runId, stateDirectory);
        var plan = new PlanParser(registry).Parse(record.PlanText, record.PlanSource);
        var request = new RunRequest
        {
            RunId = runId,
            Root = record.Root,
            RunParameters = RunParameterRedaction.ForResume(runId, record.Parameters, parameters ?? new Dictionary<string, string>()),
            Finished = finished,
            StartedAt = record.StartedAt,
            Purpose = record.Purpose,
        };
        return await RunAsync(plan, request, stateDirectory, observers, cancellationToken, resumed: true);
    }

    /// <summary>
    /// Kills what the run's command agents started that still runs (Muster died before it could); resume does it too,
    /// this says how many. Nothing is killed while the pid that ran the run is alive: a pid that was since recycled
    /// only costs a reap, a Muster still at work would lose its commands.
    /// </summary>
    public ChildReaping ReapLeftoverChildren(string runId, string stateDirectory)
    {
        if (!File.Exists(Path.Combine(stateDirectory, RunJournal.FileName))) return new ChildReaping(0, 0);
        using var reader = JournalReader.Open(stateDirectory);
        var groups = reader.LoadChildGroups(runId);
        if (groups.Count == 0) return new ChildReaping(0, 0);
        if (reader.FindRun(runId)?.Pid is { } pid && pid != Environment.ProcessId && ProcessGroups.IsRunning(pid))
        {
            return new ChildReaping(0, groups.Count, pid);
        }
        return new ChildReaping(LeftoverChildGroups.Reap(groups), groups.Count);
    }

    private async Task<RunOutcome> RunAsync(Plan plan, RunRequest request, string stateDirectory, IEnumerable<IRunObserver> observers,
        CancellationToken cancellationToken, bool resumed = false)
    {
        if (!Directory.Exists(request.Root)) throw new DirectoryNotFoundException($"the audited root does not exist: {request.Root}");
        // One scrubber per run: it learns the values the secrets agent finds, for this run only.
        var runScrubber = new KnownSecretsScrubber(scrubber);
        await using var journal = RunJournal.Open(stateDirectory, options.Time);
        await journal.BeginRunAsync(request.RunId, plan, request.Root, RunParameterRedaction.ForJournal(request.RunParameters, runScrubber), request.StartedAt ?? options.Time.GetUtcNow(), request.Purpose);
        if (resumed) await journal.ForgetChildGroupsAsync(request.RunId); // reaped, or no longer the run's
        var observer = new CompositeRunObserver([journal, .. observers]);
        var executor = executors?.Invoke(new AgentExecutorContext(registry, runScrubber, options.Time, loggers, options.HostName, observer))
            ?? new InProcessAgentExecutor(registry, runScrubber, options.Time, loggers, options.HostName);
        var scheduler = new WaveScheduler(executor, observer, options, runScrubber, journal);
        try
        {
            var (outcome, changed) = LateSecretRescrub.Apply(
                await scheduler.RunAsync(plan, request with { StateDirectory = Path.GetFullPath(stateDirectory) }, cancellationToken), runScrubber);
            foreach (var agent in changed) await journal.AgentFinishedAsync(agent);
            await journal.FlushAsync();
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(journal, request.RunId, e, runScrubber);
            throw;
        }
    }

    /// <summary>Best effort: when the journal itself is what failed (a full disk), the original error is what the user needs.</summary>
    private async Task RecordFailureAsync(RunJournal journal, string runId, Exception error, ISecretScrubber scrubber)
    {
        try
        {
            var reason = scrubber.Scrub($"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" "));
            await journal.RunFailedAsync(runId, reason, options.Time.GetUtcNow());
        }
        catch (JournalException)
        {
            // already reported by the error being rethrown
        }
    }

    /// <summary>Sortable and readable: 20261125-031500-a1b2.</summary>
    public static string NewRunId(TimeProvider time) =>
        time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));

    /// <summary>Where a root's journal lives unless <c>--state</c> says otherwise.</summary>
    public static string DefaultStateDirectory(string root) => Path.Combine(Path.GetFullPath(root), ".muster");
}
