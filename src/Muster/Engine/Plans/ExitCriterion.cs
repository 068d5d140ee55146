using System.Globalization;
using Muster.Model;

namespace Muster.Engine.Plans;

/// <summary>A condition that must hold when a wave ends for the next wave to start.</summary>
public abstract record ExitCriterion
{
    /// <summary>How the plan writes it, for reports ("min-success-rate: 0.9").</summary>
    public abstract string Text { get; }

    /// <param name="wave">Outcomes of the wave's own agents.</param>
    /// <param name="all">Outcomes of every agent so far, this wave included.</param>
    public abstract CriterionResult Evaluate(IReadOnlyList<AgentOutcome> wave, IReadOnlyList<AgentOutcome> all);
}

public sealed record AllSucceeded : ExitCriterion
{
    public override string Text => "all-succeeded";

    public override CriterionResult Evaluate(IReadOnlyList<AgentOutcome> wave, IReadOnlyList<AgentOutcome> all)
    {
        var bad = wave.Where(a => a.State != AgentState.Succeeded).ToList();
        return bad.Count == 0
            ? new(Text, true, $"all {wave.Count} agents succeeded")
            : new(Text, false, "not succeeded: " + string.Join(", ", bad.Select(a => $"{a.AgentId} ({a.State.ToLabel()})")));
    }
}

public sealed record MinSuccessRate(double Rate) : ExitCriterion
{
    public override string Text => $"min-success-rate: {Rate.ToString(CultureInfo.InvariantCulture)}";

    public override CriterionResult Evaluate(IReadOnlyList<AgentOutcome> wave, IReadOnlyList<AgentOutcome> all)
    {
        var succeeded = wave.Count(a => a.State == AgentState.Succeeded);
        var rate = wave.Count == 0 ? 1.0 : (double)succeeded / wave.Count;
        var reason = $"{succeeded}/{wave.Count} succeeded ({rate.ToString("P0", CultureInfo.InvariantCulture)}), needed {Rate.ToString("P0", CultureInfo.InvariantCulture)}";
        return new(Text, rate + 1e-9 >= Rate, reason);
    }
}

public sealed record MaxFindings(Severity Severity, int Count) : ExitCriterion
{
    public override string Text => $"max-findings: {{severity: {Severity.ToLabel()}, count: {Count}}}";

    public override CriterionResult Evaluate(IReadOnlyList<AgentOutcome> wave, IReadOnlyList<AgentOutcome> all)
    {
        var found = wave.SelectMany(a => a.Result.Findings).Where(f => f.Severity >= Severity && !SuppressionMarks.IsBaselined(f)).DistinctBy(f => f.Fingerprint).Count();
        var scope = Severity == Severity.Critical ? "CRITICAL" : $"{Severity.ToLabel()} or worse";
        return new(Text, found <= Count, $"{found} {scope} finding(s), at most {Count} allowed");
    }
}

public sealed record AgentsDone(IReadOnlyList<string> Ids) : ExitCriterion
{
    public override string Text => $"agents-done: [{string.Join(", ", Ids)}]";

    public override CriterionResult Evaluate(IReadOnlyList<AgentOutcome> wave, IReadOnlyList<AgentOutcome> all)
    {
        var byId = all.ToDictionary(a => a.AgentId, StringComparer.Ordinal);
        var notDone = Ids.Where(id => !byId.TryGetValue(id, out var a) || a.State != AgentState.Succeeded)
            .Select(id => byId.TryGetValue(id, out var a) ? $"{id} ({a.State.ToLabel()})" : $"{id} (not run)")
            .ToList();
        return notDone.Count == 0
            ? new(Text, true, "all named agents succeeded")
            : new(Text, false, "not done: " + string.Join(", ", notDone));
    }
}
