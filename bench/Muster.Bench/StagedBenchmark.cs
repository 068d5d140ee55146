using System.Diagnostics;
using System.Globalization;
using System.Text;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Agents.Secrets.Staged;
using Muster.Model;
using Muster.SecretsCorpus;

namespace Muster.Bench;

/// <summary>
/// Times <c>muster audit --staged</c> on a 1,000-file staged change: a generated repository (200 committed files, then
/// 1,000 new or changed files staged, 10 of them with a planted key, and the work tree changed after staging) and, with
/// <c>--real DIR</c>, a scratch copy of a real repository with 1,000 of its tracked files changed and staged. Reports the
/// secrets agent alone and, when the built CLI is found (<c>--cli Muster.Cli.dll</c>), the whole command as a hook runs it.
/// Usage: staged [--files 1000] [--real /work/corpus/crewAI] [--cli src/Muster.Cli/bin/Release/net10.0/Muster.Cli.dll] [--dir /tmp/muster-staged-bench]
/// </summary>
internal sealed class StagedBenchmark : IBenchmark
{
    public string Name => "staged";
    public string Description => "muster audit --staged on a 1,000-file staged change (generated; --real DIR: a scratch copy of a real repository).";

    public async Task RunAsync(string[] args)
    {
        var files = int.Parse(Option(args, "--files") ?? "1000", CultureInfo.InvariantCulture);
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "muster-staged-bench");
        var cli = Option(args, "--cli") ?? FindCli();
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        try
        {
            var synthetic = Path.Combine(dir, "synthetic");
            var planted = BuildSynthetic(synthetic, files);
            await Measure("synthetic", synthetic, cli, planted);
            if (Option(args, "--real") is { } real)
            {
                var copy = Path.Combine(dir, Path.GetFileName(Path.TrimEndingDirectorySeparator(real)));
                // A copy, not a clone: corpus checkouts may lack objects a clone would have to check out.
                using (var cp = Process.Start("cp", ["-a", real, copy])) cp.WaitForExit();
                var changed = StageRealChange(copy, files);
                Console.WriteLine($"[{Path.GetFileName(copy)}] {changed:N0} tracked files changed and staged in a scratch copy");
                await Measure(Path.GetFileName(copy), copy, cli, null);
            }
        }
        finally
        {
            if (!args.Contains("--keep") && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task Measure(string name, string root, string? cli, IReadOnlySet<string>? planted)
    {
        await Agent(root); // warm-up: JIT, page cache
        var watch = Stopwatch.StartNew();
        var result = await Agent(root);
        var seconds = watch.Elapsed.TotalSeconds;
        var found = result.Findings.Where(f => f.RuleId.StartsWith("secrets/", StringComparison.Ordinal) && f.Severity >= Severity.High)
            .Select(f => f.Location!.Path).ToHashSet(StringComparer.Ordinal);
        Console.WriteLine($"  [{name}] agent: {result.Metrics["files"]:N0} staged files, {result.Metrics["bytes"] / 1048576.0:N1} MB in {seconds:N2} s; " +
                          $"{found.Count} file(s) with HIGH+ findings" +
                          (planted is null ? "" : $"; planted keys found in {planted.Count(found.Contains)} of {planted.Count} files, {found.Count(f => !planted.Contains(f))} other files"));
        if (cli is null)
        {
            Console.WriteLine("  (CLI not timed: build src/Muster.Cli -c Release or give --cli Muster.Cli.dll)");
            return;
        }
        var state = Path.Combine(Path.GetDirectoryName(root)!, name + "-state");
        var times = new List<double>();
        var code = 0;
        for (var i = 0; i < 3; i++)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])[cli, "audit", ".", "--staged", "--format", "md", "--state", state]) start.ArgumentList.Add(a);
            start.Environment["CI"] = "true";
            var run = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stderr;
            times.Add(run.Elapsed.TotalSeconds);
            code = process.ExitCode;
        }
        Console.WriteLine($"  [{name}] muster audit --staged (process, journal, report.md): {string.Join(", ", times.Select(t => t.ToString("N2", CultureInfo.InvariantCulture)))} s; exit {code}");
    }

    private static Task<AgentResult> Agent(string root) =>
        SecretsAgent.Descriptor.Create().RunAsync(new AgentContext
        {
            RunId = "bench",
            AgentId = "secrets",
            Kind = "secrets",
            Role = AgentRole.Scanner,
            Root = root,
            RunParameters = new Dictionary<string, string> { [StagedScope.RunParameter] = "true" },
        }, CancellationToken.None);

    /// <summary>200 committed files, then <paramref name="files"/> new or changed ones staged; returns the paths given a key.</summary>
    private static HashSet<string> BuildSynthetic(string root, int files)
    {
        Directory.CreateDirectory(root);
        Git(root, "init", "-q");
        var random = new Random(15);
        for (var i = 0; i < 200; i++) Write(root, $"src/mod{i:D4}.py", Source(random, 40));
        Git(root, "add", "-A");
        Git(root, "commit", "-qm", "base");
        var planted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files; i++)
        {
            // A fifth of the change edits committed files, the rest adds new ones.
            var path = i < files / 5 && i < 200 ? $"src/mod{i:D4}.py" : $"pkg/part{i / 100:D2}/file{i:D4}.py";
            var text = Source(random, 20 + random.Next(120));
            if (i % (files / 10) == 7)
            {
                text += $"ANTHROPIC_API_KEY = \"{SampleTemplate.Expand("sk-ant-" + "api03-{b64url:93}AA", i)}\"\n";
                planted.Add(path);
            }
            Write(root, path, text);
        }
        Git(root, "add", "-A");
        // The work tree moves on after staging: none of this may be read.
        for (var i = 0; i < files; i += 3) Write(root, $"pkg/part{i / 100:D2}/file{i:D4}.py", "# rewritten after git add\n");
        Console.WriteLine($"synthetic repository: 200 committed files, {files:N0} staged ({planted.Count} with a planted key), a third rewritten in the work tree after staging");
        return planted;
    }

    /// <summary>Appends a line to the first <paramref name="files"/> tracked text files (in git's order) and stages them.</summary>
    private static int StageRealChange(string root, int files)
    {
        var tracked = Git(root, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal)
                        || p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".toml", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal))
            .Where(p => File.Exists(Path.Combine(root, p)) && new FileInfo(Path.Combine(root, p)).LinkTarget is null)
            .Take(files).ToList();
        foreach (var path in tracked) File.AppendAllText(Path.Combine(root, path), "\n");
        var input = string.Join('\0', tracked);
        GitWithInput(root, input, "add", "--pathspec-from-file=-", "--pathspec-file-nul");
        return tracked.Count;
    }

    private static string Source(Random random, int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
            text.Append(CultureInfo.InvariantCulture, $"def f{i}_{random.Next(100000)}(x):\n    return x * {random.Next(1000)} + len(\"{SampleTemplate.Alnum(random, 24)}\")\n");
        return text.ToString();
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static string Git(string directory, params string[] args) => GitWithInput(directory, null, args);

    private static string GitWithInput(string directory, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var a in (string[])["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false", .. args]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout;
    }

    private static string? FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "Muster.Cli", "bin", "Release", "net10.0", "Muster.Cli.dll");
            if (File.Exists(dll)) return dll;
        }
        return null;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
