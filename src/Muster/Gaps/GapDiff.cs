using Muster.Model;

namespace Muster.Gaps;

/// <summary>What changed between two runs' gap registers, matched by gap key.</summary>
public sealed record GapDiff(IReadOnlyList<Gap> New, IReadOnlyList<Gap> Fixed, IReadOnlyList<Gap> Persisting)
{
    /// <summary>Gaps that left because a baseline now hides every finding of theirs: not fixed, only no longer reported.</summary>
    public IReadOnlyList<Gap> Suppressed { get; init; } = [];

    public static GapDiff Between(GapRegister before, GapRegister after) => Between(before, after, new HashSet<string>());

    /// <param name="suppressed">Finding fingerprints a baseline hides (<see cref="Gap.Fingerprints"/>).</param>
    public static GapDiff Between(GapRegister before, GapRegister after, IReadOnlySet<string> suppressed)
    {
        var beforeKeys = before.Gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var gone = before.Gaps.Where(g => !afterKeys.Contains(g.Key)).ToLookup(g => g.Fingerprints.Count > 0 && g.Fingerprints.All(suppressed.Contains));
        return new GapDiff(
            after.Gaps.Where(g => !beforeKeys.Contains(g.Key)).ToList(),
            gone[false].ToList(),
            after.Gaps.Where(g => beforeKeys.Contains(g.Key)).ToList())
        {
            Suppressed = gone[true].ToList(),
        };
    }

    /// <summary>Gap counts per severity, worst first, INFO left out.</summary>
    public static IReadOnlyList<KeyValuePair<Severity, int>> Totals(IReadOnlyList<Gap> gaps) =>
        SeverityText.WorstFirst.Where(s => s > Severity.Info)
            .Select(s => KeyValuePair.Create(s, gaps.Count(g => g.Severity == s)))
            .ToList();
}
