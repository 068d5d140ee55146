using System.Diagnostics;
using System.Globalization;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Model;

namespace Muster.Bench;

/// <summary>
/// Times the secrets agent and <c>rg -i -F -f keywords</c> on the same tree, each after a warm-up (page cache, JIT),
/// alternating the two tools run by run so a change in machine load hits both. Both are rated on the tree's size.
/// </summary>
internal static class SecretsSideBySide
{
    public static IReadOnlyList<string> Keywords =>
        SecretRuleSet.BuiltIn.Rules.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static void Compare(string name, string root, long treeBytes, int runs, string keywordsFile)
    {
        File.WriteAllLines(keywordsFile, Keywords);
        var megabytes = treeBytes / 1048576.0;
        Console.WriteLine($"[{name}] {root}: {megabytes:N0} MB; load average {LoadAverage()}");
        ScanTree(root);
        var hasRipgrep = RunRipgrep(root, keywordsFile) is not null;
        var ratios = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (seconds, findings) = ScanTree(root);
            var muster = megabytes / seconds;
            var line = $"  run {run}: muster {seconds:N2} s = {muster:N1} MB/s ({findings} findings)";
            if (hasRipgrep && RunRipgrep(root, keywordsFile) is { } rg)
            {
                var ratio = muster / (megabytes / rg);
                ratios.Add(ratio);
                line += $"; rg {rg:N2} s = {megabytes / rg:N1} MB/s; ratio {ratio:N2}x";
            }
            Console.WriteLine(line);
        }
        Console.WriteLine(hasRipgrep
            ? $"  [{name}] ratio muster/ripgrep over {runs} run(s): {string.Join(", ", ratios.Select(r => r.ToString("N2", CultureInfo.InvariantCulture) + "x"))} (target >= 0.5x); load average {LoadAverage()}"
            : "  ripgrep: not installed (apt-get install ripgrep); ratio not measured");
    }

    /// <summary>The whole agent, as a run would call it: walk, git status, scan, findings.</summary>
    public static (double Seconds, int Findings) ScanTree(string root)
    {
        var context = new AgentContext
        {
            RunId = "bench",
            AgentId = "secrets-bench",
            Kind = "secrets",
            Role = AgentRole.Scanner,
            Root = root,
            // The tree alone, as ripgrep sees it (history has its own benchmark, secrets-history).
            Settings = new AgentSettings(new Dictionary<string, object?> { ["salt"] = "bench", ["history"] = "none" }),
        };
        var watch = Stopwatch.StartNew();
        var result = SecretsAgent.Descriptor.Create().RunAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, result.Findings.Count);
    }

    /// <summary>Seconds for one ripgrep pass, or null when rg is not installed.</summary>
    private static double? RunRipgrep(string root, string keywordsFile)
    {
        var start = new ProcessStartInfo("rg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-i", "-F", "-c", "--no-ignore", "--hidden", "-f", keywordsFile, root]) start.ArgumentList.Add(a);
        try
        {
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            stderr.GetAwaiter().GetResult();
            return watch.Elapsed.TotalSeconds;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
