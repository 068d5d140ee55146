using System.Diagnostics;
using System.Globalization;
using System.Text;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Model;

namespace Muster.Bench;

/// <summary>
/// Throughput of the secrets agent over a generated ~1 GB tree (source, configs, logs, binaries) next to ripgrep
/// searching the same tree for the rules' keywords, and the peak RSS of scanning one 1 GB file (in a child process).
/// With <c>--real</c>, also on copies of real trees (Python stdlib, .NET SDK, cloned repositories' sources), three
/// runs each. Usage: secrets [--real [--sources a,b,c] [--copies 4] [--only TREE]] [--runs N] [--size-mb 1024]
/// [--dir /tmp/muster-secrets-bench] [--keep] [--reuse]
/// </summary>
internal sealed class SecretsBenchmark : IBenchmark
{
    public string Name => "secrets";
    public string Description => "Secrets scan MB/s vs ripgrep on a generated ~1 GB tree (--real: and on real trees); peak RSS on a 1 GB file.";

    public Task RunAsync(string[] args)
    {
        if (args.Length == 2 && args[0] == "--rss-child")
        {
            RssChild(args[1]);
            return Task.CompletedTask;
        }
        var sizeMb = int.Parse(Option(args, "--size-mb") ?? "1024", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? (args.Contains("--real") ? "3" : "1"), CultureInfo.InvariantCulture);
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "muster-secrets-bench");
        var keep = args.Contains("--keep");
        var keywords = Path.Combine(dir, "keywords.txt");
        try
        {
            var synthetic = Path.Combine(dir, "tree");
            var generated = args.Contains("--reuse") && Directory.Exists(synthetic)
                ? SecretsBenchTree.Measure(synthetic)
                : SecretsBenchTree.Generate(synthetic, sizeMb * 1024L * 1024);
            Console.WriteLine($"synthetic tree: {generated.Files:N0} files, {generated.Bytes / 1048576.0:N0} MB; ripgrep gets {SecretsSideBySide.Keywords.Count} keywords");
            if (args.Contains("--real"))
            {
                var sources = (Option(args, "--sources") ?? "/work/corpus/vite,/work/corpus/autogen,/work/corpus/fastapi").Split(',', StringSplitOptions.RemoveEmptyEntries);
                var copies = int.Parse(Option(args, "--copies") ?? "4", CultureInfo.InvariantCulture);
                var real = Path.Combine(dir, "real");
                if (!(args.Contains("--reuse") && Directory.Exists(real)))
                {
                    if (Directory.Exists(real)) Directory.Delete(real, recursive: true);
                    SecretsRealTrees.Build(real, sources, copies);
                }
                var only = Option(args, "--only");
                foreach (var tree in Directory.GetDirectories(real).Order(StringComparer.Ordinal).Select(d => SecretsRealTrees.Measure(Path.GetFileName(d), d)))
                {
                    if (only is not null && only != tree.Name) continue;
                    Console.WriteLine($"{tree.Name}: {tree.Files:N0} files");
                    SecretsSideBySide.Compare(tree.Name, tree.Path, tree.Bytes, runs, keywords);
                }
            }
            if (Option(args, "--only") is null or "synthetic") SecretsSideBySide.Compare("synthetic", synthetic, generated.Bytes, runs, keywords);
            if (args.Contains("--real")) return Task.CompletedTask;

            var big = Path.Combine(dir, "single-1gb.log");
            if (!File.Exists(big)) SecretsBenchTree.WriteLog(big, 1024L * 1024 * 1024, seed: 7, plantAtEnd: true);
            var rss = RunRssChild(big);
            Console.WriteLine(rss is null ? "peak RSS: not measured" : $"peak RSS scanning one 1 GB file: {rss}");
        }
        finally
        {
            if (!keep && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static string? RunRssChild(string file)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(SecretsBenchmark).Assembly.Location);
        foreach (var a in (string[])["secrets", "--rss-child", file]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }

    private static void RssChild(string file)
    {
        var scanner = new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn));
        var watch = Stopwatch.StartNew();
        var result = scanner.Scan(file, CancellationToken.None);
        watch.Stop();
        var hwm = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "n/a";
        Console.WriteLine($"VmHWM {hwm} ({result.Bytes / 1048576.0:N0} MB in {watch.Elapsed.TotalSeconds:N1} s = {result.Bytes / 1048576.0 / watch.Elapsed.TotalSeconds:N0} MB/s single-threaded, {result.Detections.Count} detections)");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
