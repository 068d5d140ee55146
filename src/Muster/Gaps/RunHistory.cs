using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Gaps;

/// <summary>Gap registers of the runs kept in a journal, for <c>muster diff</c> and the report's trend.</summary>
public static class RunHistory
{
    /// <summary>The gap register of a journaled run; owners come from the run root's CODEOWNERS when it still exists.</summary>
    public static GapRegister Register(RunOutcome outcome, IReadOnlyList<Engine.Plans.OwnerRule> planOwners) =>
        GapRegister.Build(outcome.Findings, OwnerResolver.For(outcome.Root, planOwners));

    /// <summary>
    /// The last <paramref name="count"/> runs of <paramref name="upTo"/>'s purpose started no later than it (that run
    /// included), oldest first: a baseline's secrets-only scan is not a point on an audit's trend.
    /// </summary>
    public static IReadOnlyList<RunTrendPoint> Trend(JournalReader journal, string upTo, int count = 10)
    {
        var all = journal.ListRuns();
        var purpose = all.FirstOrDefault(r => r.RunId == upTo)?.Purpose;
        var runs = all.Where(r => purpose is null || r.Purpose == purpose).ToList();
        var end = runs.FindIndex(r => r.RunId == upTo);
        if (end < 0) end = runs.Count - 1;
        var points = new List<RunTrendPoint>();
        foreach (var run in runs.Take(end + 1).TakeLast(count))
        {
            if (journal.LoadOutcome(run.RunId) is not { } outcome) continue;
            points.Add(PointOf(outcome, GapRegister.Build(outcome)));
        }
        return points;
    }

    /// <summary>The latest run before <paramref name="runId"/> with its purpose and root: what its gaps are new or fixed against.</summary>
    public static RunRecord? PreviousComparable(JournalReader journal, string runId)
    {
        var all = journal.ListRuns();
        var index = all.ToList().FindIndex(r => r.RunId == runId);
        if (index < 0) return null;
        var run = all[index];
        return all.Take(index).LastOrDefault(r => r.Purpose == run.Purpose && string.Equals(r.Root, run.Root, StringComparison.Ordinal));
    }

    public static RunTrendPoint PointOf(RunOutcome outcome, GapRegister gaps) =>
        new(outcome.RunId, outcome.StartedAt, outcome.Status.ToString().ToLowerInvariant(), gaps.BySeverity);
}
