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
/// Usage: secrets [--size-mb 1024] [--dir /tmp/muster-secrets-bench] [--keep] [--reuse]
/// </summary>
internal sealed class SecretsBenchmark : IBenchmark
{
    public string Name => "secrets";
    public string Description => "Secrets scan MB/s vs ripgrep on a generated ~1 GB tree; peak RSS on a 1 GB file.";

    public async Task RunAsync(string[] args)
    {
        if (args.Length == 2 && args[0] == "--rss-child")
        {
            RssChild(args[1]);
            return;
        }
        var sizeMb = int.Parse(Option(args, "--size-mb") ?? "1024", CultureInfo.InvariantCulture);
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "muster-secrets-bench");
        var keep = args.Contains("--keep");
        try
        {
            var generated = args.Contains("--reuse") && Directory.Exists(Path.Combine(dir, "tree"))
                ? SecretsBenchTree.Measure(Path.Combine(dir, "tree"))
                : SecretsBenchTree.Generate(Path.Combine(dir, "tree"), sizeMb * 1024L * 1024);
            Console.WriteLine($"  {generated.Files:N0} files, {generated.Bytes / 1048576.0:N0} MB");

            await ScanTree(Path.Combine(dir, "tree")); // warm-up: page cache and JIT
            var (seconds, bytesRead, findings) = await ScanTree(Path.Combine(dir, "tree"));
            // Both tools are rated on the tree's size: each skips binary files after sniffing their start.
            var muster = generated.Bytes / 1048576.0 / seconds;
            Console.WriteLine($"muster secrets: {generated.Bytes / 1048576.0:N0} MB tree ({bytesRead / 1048576.0:N0} MB read) in {seconds:N2} s = {muster:N1} MB/s, {findings} findings");

            var rg = RunRipgrep(Path.Combine(dir, "tree"), Path.Combine(dir, "keywords.txt"), generated.Bytes);
            if (rg is { } r)
            {
                Console.WriteLine($"ripgrep (-i -F, {SecretRuleSet.BuiltIn.Rules.SelectMany(x => x.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).Count()} keywords): {r.Seconds:N2} s = {r.MbPerSecond:N1} MB/s");
                Console.WriteLine($"ratio muster/ripgrep: {muster / r.MbPerSecond:N2}x (target >= 0.5x)");
            }
            else Console.WriteLine("ripgrep: not installed (apt-get install ripgrep); ratio not measured");

            var big = Path.Combine(dir, "single-1gb.log");
            if (!File.Exists(big)) SecretsBenchTree.WriteLog(big, 1024L * 1024 * 1024, seed: 7, plantAtEnd: true);
            var rss = RunRssChild(big);
            Console.WriteLine(rss is null ? "peak RSS: not measured" : $"peak RSS scanning one 1 GB file: {rss}");
        }
        finally
        {
            if (!keep && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(double Seconds, double BytesRead, int Findings)> ScanTree(string root)
    {
        var context = new AgentContext
        {
            RunId = "bench",
            AgentId = "secrets-bench",
            Kind = "secrets",
            Role = AgentRole.Scanner,
            Root = root,
            Settings = new AgentSettings(new Dictionary<string, object?> { ["salt"] = "bench" }),
        };
        var watch = Stopwatch.StartNew();
        var result = await SecretsAgent.Descriptor.Create().RunAsync(context, CancellationToken.None);
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, result.Metrics["bytes"], result.Findings.Count);
    }

    private static (double Seconds, double MbPerSecond)? RunRipgrep(string root, string keywordsFile, long bytes)
    {
        var keywords = SecretRuleSet.BuiltIn.Rules.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase);
        File.WriteAllLines(keywordsFile, keywords);
        var start = new ProcessStartInfo("rg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-i", "-F", "-c", "--no-ignore", "--hidden", "-f", keywordsFile, root]) start.ArgumentList.Add(a);
        try
        {
            Run(start); // warm-up
            var watch = Stopwatch.StartNew();
            Run(start);
            watch.Stop();
            return (watch.Elapsed.TotalSeconds, bytes / 1048576.0 / watch.Elapsed.TotalSeconds);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static void Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
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
