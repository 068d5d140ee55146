using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Gaps;

/// <summary>Gap registers of the runs kept in a journal, for <c>muster diff</c> and the report's trend.</summary>
public static class RunHistory
{
    /// <summary>The gap register of a journaled run; owners come from the run root's CODEOWNERS when it still exists.</summary>
    public static GapRegister Register(RunOutcome outcome, IReadOnlyList<Engine.Plans.OwnerRule> planOwners) =>
        GapRegister.Build(outcome.Findings, OwnerResolver.For(outcome.Root, planOwners));

    /// <summary>The last <paramref name="count"/> runs started no later than <paramref name="upTo"/> (that run included), oldest first.</summary>
    public static IReadOnlyList<RunTrendPoint> Trend(JournalReader journal, string upTo, int count = 10)
    {
        var runs = journal.ListRuns().ToList();
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

    public static RunTrendPoint PointOf(RunOutcome outcome, GapRegister gaps) =>
        new(outcome.RunId, outcome.StartedAt, outcome.Status.ToString().ToLowerInvariant(), gaps.BySeverity);
}
