using System.Globalization;
using Muster.Model;

namespace Muster.SecretsCorpus;

/// <summary>
/// Scores the secrets agent's findings over the corpus tree. A marked value is a true positive when a finding in its
/// file names its line (its location or the <c>lines</c> property; a file-level finding names every line) within the
/// case's severity bounds and context; otherwise it is a miss. A finding above the bounds on a marked line, or above
/// <see cref="QualityCase.NegativeMax"/> on any other line, is a false positive.
/// </summary>
public static class CorpusScorer
{
    public const string SensitiveFileRule = "secrets/sensitive-file-exposed";
    private const string ScanErrorRule = "secrets/scan-error";

    public static (IReadOnlyList<ClassScore> Classes, ClassScore Overall, IReadOnlyList<CaseOutcome> Problems) Score(
        IReadOnlyList<QualityCase> cases, IReadOnlyList<ExpectedValue> expected, IReadOnlyList<Finding> findings)
    {
        var byCase = findings
            .Where(f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal) && f.RuleId != ScanErrorRule && f.Location is not null)
            .GroupBy(f => CaseIndexOf(f.Location!.Path))
            .Where(g => g.Key >= 0)
            .ToDictionary(g => g.Key, g => g.ToList());
        var tally = cases.Select(_ => (Tp: 0, Fp: 0, Fn: 0, Positives: 0)).ToArray();
        var problems = new List<CaseOutcome>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var mine = byCase.GetValueOrDefault(i, []).Where(f => c.ScoresFileFindings || f.RuleId != SensitiveFileRule).ToList();
            var marks = expected.Where(e => e.CaseIndex == i).ToList();
            var used = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
            foreach (var mark in marks)
            {
                tally[i].Positives++;
                var onLine = mine.Where(f => f.Location!.Path == mark.Path && Names(f, mark.Line)).ToList();
                used.UnionWith(onLine);
                if (onLine.Any(f => f.Severity >= c.PositiveMin && f.Severity <= c.PositiveMax && HasContext(f, c.Context))) tally[i].Tp++;
                else
                {
                    tally[i].Fn++;
                    problems.Add(new CaseOutcome(i, c, "miss", $"{mark.Path}:{mark.Line}",
                        onLine.Count == 0 ? "not reported" : string.Join(", ", onLine.Select(Describe))));
                }
                if (onLine.FirstOrDefault(f => f.Severity > c.PositiveMax) is { } over)
                {
                    tally[i].Fp++;
                    problems.Add(new CaseOutcome(i, c, "over-rated", $"{mark.Path}:{mark.Line}", Describe(over)));
                }
            }
            foreach (var f in mine.Where(f => !used.Contains(f) && f.Severity > c.NegativeMax))
            {
                tally[i].Fp++;
                problems.Add(new CaseOutcome(i, c, "false positive", f.Location!.ToString(), Describe(f)));
            }
        }
        var classes = QualityClasses.All.Select(k =>
        {
            var indexes = Enumerable.Range(0, cases.Count).Where(i => cases[i].ClassId == k.Id).ToList();
            return new ClassScore(k.Id, k.Title, indexes.Count, indexes.Sum(i => tally[i].Positives), indexes.Sum(i => tally[i].Tp),
                indexes.Sum(i => tally[i].Fp), indexes.Sum(i => tally[i].Fn));
        }).ToList();
        var overall = new ClassScore("all", "Overall", cases.Count, classes.Sum(s => s.Positives), classes.Sum(s => s.TruePositives),
            classes.Sum(s => s.FalsePositives), classes.Sum(s => s.Misses));
        return (classes, overall, problems);
    }

    private static int CaseIndexOf(string path) =>
        path.Length > 5 && path[0] == 'q' && path[4] == '/' && int.TryParse(path.AsSpan(1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;

    private static bool Names(Finding f, int line)
    {
        if (f.Location!.Line == 0 || f.Location.Line == line) return true;
        return f.Properties.TryGetValue("lines", out var lines)
               && lines.Split(',', StringSplitOptions.TrimEntries).Any(l => l == line.ToString(CultureInfo.InvariantCulture));
    }

    private static bool HasContext(Finding f, string? context) => context is null || f.Properties.GetValueOrDefault("context") == context;

    private static string Describe(Finding f) =>
        $"{f.RuleId} {f.Severity.ToLabel()}" + (f.Properties.TryGetValue("context", out var c) ? $" context={c}" : "") + $" at line {f.Location!.Line}";
}
