using Muster.Model;

namespace Muster.Gaps;

/// <summary>What changed between two runs' gap registers, matched by gap key.</summary>
public sealed record GapDiff(IReadOnlyList<Gap> New, IReadOnlyList<Gap> Fixed, IReadOnlyList<Gap> Persisting)
{
    public static GapDiff Between(GapRegister before, GapRegister after)
    {
        var beforeKeys = before.Gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new GapDiff(
            after.Gaps.Where(g => !beforeKeys.Contains(g.Key)).ToList(),
            before.Gaps.Where(g => !afterKeys.Contains(g.Key)).ToList(),
            after.Gaps.Where(g => beforeKeys.Contains(g.Key)).ToList());
    }

    /// <summary>Gap counts per severity, worst first, INFO left out.</summary>
    public static IReadOnlyList<KeyValuePair<Severity, int>> Totals(IReadOnlyList<Gap> gaps) =>
        SeverityText.WorstFirst.Where(s => s > Severity.Info)
            .Select(s => KeyValuePair.Create(s, gaps.Count(g => g.Severity == s)))
            .ToList();
}
