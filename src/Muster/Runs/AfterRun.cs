using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Gates;
using Muster.Reports;
using Muster.Runs.Config;

namespace Muster.Runs;

/// <summary>
/// Everything that follows a run, in one place for every front end (CLI audit/run/resume/baseline, MCP audit/run_plan):
/// the gap register with the plan's owners, the plan's gates, the trend and the previous run of the same purpose,
/// the reports and CONTINUATION.md. Pass <see cref="Observers"/> to the run so CONTINUATION.md is kept after every wave.
/// </summary>
public sealed class AfterRun
{
    private readonly AgentRegistry _registry;
    private readonly string _stateDirectory;
    private readonly IReadOnlyList<ReportFormat> _formats;
    private readonly ContinuationWriter _continuation;
    private readonly List<string> _written = [];

    private readonly ISecretScrubber? _scrubber;
    private readonly TimeProvider _time;

    /// <param name="outputDirectory">Folder for the reports; null: <see cref="DefaultOutputDirectory"/>.</param>
    /// <param name="scrubber">Redacts the reason journaled when this step fails; null: the built-in secret rules.</param>
    public AfterRun(AgentRegistry registry, string stateDirectory, string runId, string? outputDirectory, IReadOnlyList<ReportFormat> formats,
        ISecretScrubber? scrubber = null, TimeProvider? time = null)
    {
        _scrubber = scrubber;
        _time = time ?? TimeProvider.System;
        _registry = registry;
        _stateDirectory = stateDirectory;
        _formats = formats;
        OutputDirectory = outputDirectory ?? DefaultOutputDirectory(stateDirectory, runId);
        _continuation = new ContinuationWriter(OutputDirectory, () => _written);
    }

    public string OutputDirectory { get; }

    /// <summary>Gate modes set outside the plan (the command line's <c>--gate</c>); they win over the plan's.</summary>
    public GateModeOverrides GateModes { get; init; } = GateModeOverrides.None;

    /// <summary>
    /// The repository's suppressions (.musterignore, muster.yaml's exclude) and the baseline marks, applied here once
    /// for every front end: gates, gaps, reports and the verdict see the outcome without what they hide.
    /// </summary>
    public Suppressor Suppressor { get; init; } = Suppressor.None;

    /// <summary>Observers the run needs for the after-run step: CONTINUATION.md after every wave and on interrupt.</summary>
    public IReadOnlyList<IRunObserver> Observers => [_continuation];

    public static string DefaultOutputDirectory(string stateDirectory, string runId) => Path.Combine(stateDirectory, "reports", runId);

    /// <summary>
    /// Gaps, gates, trend, reports and CONTINUATION.md for a finished (or interrupted) run. <paramref name="plan"/> is
    /// the plan it ran; null for a resumed run, whose plan is read back from the journal.
    /// </summary>
    public async Task<AfterRunResult> CompleteAsync(RunOutcome outcome, Plan? plan)
    {
        try
        {
            return await CompleteOrThrowAsync(outcome, plan);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(outcome.RunId, e);
            throw;
        }
    }

    /// <summary>
    /// Journals the run failed because what follows it (this step, or a front end's own printing) threw; best effort, so
    /// the original error still reaches the user when the journal is what failed.
    /// </summary>
    public async Task RecordFailureAsync(string runId, Exception error)
    {
        try
        {
            await using var journal = RunJournal.Open(_stateDirectory, _time);
            var reason = (_scrubber ?? new RuleBasedSecretScrubber()).Scrub($"after the run: {error.GetType().Name}: {error.Message}".ReplaceLineEndings(" "));
            await journal.AfterRunFailedAsync(runId, reason, _time.GetUtcNow());
        }
        catch (Exception e) when (e is JournalException or IOException or UnauthorizedAccessException)
        {
            // the error being rethrown is what the user needs
        }
    }

    private async Task<AfterRunResult> CompleteOrThrowAsync(RunOutcome outcome, Plan? plan)
    {
        var history = History.Read(_stateDirectory, outcome.RunId, _registry);
        plan ??= history.Plan;
        var suppression = Suppressor.Apply(outcome);
        outcome = suppression.Outcome;
        // The previous run loses only what its own baseline marks hid: what this run's files newly suppress reads "suppressed", not "fixed".
        var previous = history.Previous is { } before ? Suppressor.None.Filter(before) : null;
        var gaps = RunHistory.Register(outcome, plan?.Owners ?? []);
        var gates = GateEvaluator.Evaluate(outcome, gaps, GateModes.ApplyTo(plan?.Gates ?? GateSettings.Default));
        var options = new ReportOptions
        {
            Gaps = gaps,
            Gates = gates,
            History = history.Trend,
            PreviousOutcome = previous,
            SuppressedFingerprints = SuppressedFindings.Of(outcome.Root, plan, suppression.Suppressed),
            Suppressed = suppression.Suppressed,
            SuppressionNotes = suppression.Notes,
        };
        _written.AddRange(await ReportWriter.WriteAsync(outcome, OutputDirectory, _formats, options));
        _written.Add(Path.Combine(OutputDirectory, ContinuationWriter.FileName));
        await _continuation.WriteAsync(outcome);
        return new AfterRunResult(outcome, history.Purpose, OutputDirectory, [.. _written], gaps, gates, history.Previous?.RunId)
        {
            Suppressed = suppression.Suppressed,
            SuppressionNotes = suppression.Notes,
        };
    }

    /// <summary>What the journal says about the run's past; empty when there is no journal.</summary>
    private sealed record History(Plan? Plan, RunPurpose Purpose, IReadOnlyList<RunTrendPoint> Trend, RunOutcome? Previous)
    {
        public static History Read(string stateDirectory, string runId, AgentRegistry registry)
        {
            try
            {
                using var journal = JournalReader.Open(stateDirectory);
                var record = journal.FindRun(runId);
                if (record is null) return new History(null, RunPurpose.Run, [], null);
                var previous = RunHistory.PreviousComparable(journal, runId) is { } before ? journal.LoadOutcome(before.RunId) : null;
                return new History(PlanOf(record, registry), record.Purpose, RunHistory.Trend(journal, runId), previous);
            }
            catch (Exception e) when (e is FileNotFoundException or JournalException)
            {
                return new History(null, RunPurpose.Run, [], null);
            }
        }

        /// <summary>The plan as the journal kept it; null when this build no longer parses it (owners and gates then default).</summary>
        private static Plan? PlanOf(RunRecord record, AgentRegistry registry)
        {
            try
            {
                return new PlanParser(registry).Parse(record.PlanText, record.PlanSource);
            }
            catch (PlanException)
            {
                return null;
            }
        }
    }
}
