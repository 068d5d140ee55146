using System.Diagnostics;
using Muster.SecretsCorpus;

namespace Muster.Bench;

/// <summary>
/// Runs the secrets quality corpus (synthetic cases per miss / false-positive class of issue 19) through the secrets
/// agent and prints precision, recall and F1 per class and overall. Usage: secrets-quality [--details] [--class R3]
/// (--details lists each miss and false positive: case, file:line, rule and severity, never a value).
/// </summary>
internal sealed class SecretsQualityBenchmark : IBenchmark
{
    public string Name => "secrets-quality";
    public string Description => "Secrets precision/recall/F1 per issue-19 class on the synthetic quality corpus.";

    public async Task RunAsync(string[] args)
    {
        var only = Option(args, "--class");
        var cases = QualityCorpus.All;
        var watch = Stopwatch.StartNew();
        var run = await CorpusRunner.RunAsync(cases);
        watch.Stop();
        Console.WriteLine($"{run.Overall.Cases} cases, {run.Overall.Positives} marked values, {run.Rules} rules, {run.Findings} findings, {watch.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine();
        Console.WriteLine($"{"class",-6} {"P",5} {"R",5} {"F1",5} {"TP",4} {"FP",4} {"FN",4}  title");
        foreach (var s in run.Classes.Append(run.Overall))
        {
            Console.WriteLine($"{s.ClassId,-6} {QualityTable.Ratio(s.Precision),5} {QualityTable.Ratio(s.Recall),5} {QualityTable.Ratio(s.F1),5} {s.TruePositives,4} {s.FalsePositives,4} {s.Misses,4}  {s.Title}");
        }
        if (!args.Contains("--details")) return;
        Console.WriteLine();
        foreach (var p in run.Problems.Where(p => only is null || p.Case.ClassId == only).OrderBy(p => p.CaseIndex))
        {
            Console.WriteLine($"{p.Case.ClassId,-4} {p.Kind,-15} {p.Case.Name} ({p.Where}): {p.Detail}");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
