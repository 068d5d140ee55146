using Muster.Model;

namespace Muster.Gaps;

/// <summary>One run's gap totals, for the trend across runs.</summary>
public sealed record RunTrendPoint(string RunId, DateTimeOffset StartedAt, string Status, IReadOnlyList<KeyValuePair<Severity, int>> GapsBySeverity)
{
    public int Total => GapsBySeverity.Sum(p => p.Value);

    public int Count(Severity severity) => GapsBySeverity.FirstOrDefault(p => p.Key == severity).Value;
}
