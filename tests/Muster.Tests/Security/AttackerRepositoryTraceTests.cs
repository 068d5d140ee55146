using System.Diagnostics;
using System.Runtime.InteropServices;
using Muster.Tests.Cli;

namespace Muster.Tests.Security;

/// <summary>
/// Issue 20's bar: the real CLI audits an attacker's repository under strace. The only programs started are the
/// dotnet host and the runner's git (with the neutralising overrides and a private git directory), and nothing is
/// opened outside the root but what the runtime itself needs and the folders Muster was told to write.
/// </summary>
public sealed class AttackerRepositoryTraceTests
{
    private static readonly string[] SystemPrefixes =
    [
        "/proc/", "/sys/", "/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/share/zoneinfo/",
        // the runtime's debugger handshake (named after the process, never a workspace path)
        "/tmp/clr-debug-pipe-", "/dev/shm/sem.clrst",
    ];

    private static readonly HashSet<string> SystemFiles =
    [
        "/dev/null", "/dev/urandom", "/dev/random", "/dev/tty", "/etc/ld.so.cache", "/etc/localtime", "/etc/ssl/openssl.cnf",
        "/etc/ld.so.preload", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/timezone",
    ];

    [Fact]
    public async Task Auditing_an_attackers_repository_starts_only_the_runners_git_and_opens_nothing_outside_the_root()
    {
        using var repo = HostileRepository.Plant();
        repo.ModifyWorkTree();
        using var work = new TempTree();
        var trace = Path.Combine(work.Path, "strace.log");
        var state = Path.Combine(work.Path, "state");
        var output = Path.Combine(work.Path, "reports");

        var exit = await RunUnderStrace(trace, work.Path, ["audit", repo.Root, "--state", state, "--output", output, "--fail-on", "none", "--gate", "type-check=off", "--gate", "tests=off"]);

        Assert.True(exit == 0, $"muster audit exited {exit}");
        var log = StraceLog.Parse(trace);
        var host = log.Execs[0];
        Assert.EndsWith("dotnet", host.Program, StringComparison.Ordinal);
        var gits = log.Execs.Skip(1).ToList();
        Assert.NotEmpty(gits);
        foreach (var git in gits)
        {
            Assert.True(git.Program == "/usr/bin/git", $"started {git.Program} {string.Join(' ', git.Arguments)}");
            Assert.Contains("core.fsmonitor=false", git.Arguments);
            Assert.Contains("core.hooksPath=/dev/null", git.Arguments);
            Assert.DoesNotContain(git.Arguments, a => a.Contains("safe.directory", StringComparison.Ordinal));
            Assert.Contains("GIT_CONFIG_NOSYSTEM=1", git.Environment);
            Assert.Contains("GIT_CONFIG_GLOBAL=/dev/null", git.Environment);
            var gitDir = git.Environment.Single(e => e.StartsWith("GIT_DIR=", StringComparison.Ordinal))["GIT_DIR=".Length..];
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "muster-git-"), gitDir, StringComparison.Ordinal);
        }

        var sandboxes = gits.Select(g => g.Environment.Single(e => e.StartsWith("TMPDIR=", StringComparison.Ordinal))["TMPDIR=".Length..]).Distinct().ToList();
        var allowedFolders = new List<string> { repo.Root, work.Path, DotnetRoot(), Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory) };
        allowedFolders.AddRange(sandboxes);
        var outside = log.Opens
            .Where(o => !allowedFolders.Any(f => Inside(o.Path, f)) && !SystemFiles.Contains(o.Path) && !SystemPrefixes.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal)))
            .Select(o => o.Path).Distinct().ToList();
        Assert.True(outside.Count == 0, "opened outside the root: " + string.Join(", ", outside));
        // The neighbourhood of the root (where the attacker's include files wait) is never touched.
        Assert.DoesNotContain(log.Opens, o => Inside(o.Path, repo.Base) && !Inside(o.Path, repo.Root));
        Assert.Empty(repo.MarkersPresent());
        // Each planted reference outside the root is reported as written instead of being read.
        var report = File.ReadAllText(Path.Combine(output, "report.json"));
        foreach (var reference in (string[])["../outside/rel-requirements.txt", "linked/linked-requirements.txt", Path.Combine(repo.Outside, "abs-requirements.txt"),
                     Path.Combine(repo.Outside, "constraints.txt"), Path.Combine(repo.Outside, "compose.yml"), "../outside/base.yml"])
        {
            Assert.Contains("a file outside the workspace: " + reference, report, StringComparison.Ordinal);
        }
    }

    private static async Task<int> RunUnderStrace(string trace, string workingDirectory, string[] musterArgs)
    {
        var start = new ProcessStartInfo("strace") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "-qq", "-y", "-v", "-s", "65536", "-e", "trace=execve,open,openat,openat2,creat", "-o", trace, "--", "dotnet", MusterProcess.CliPath, .. musterArgs])
            start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await Task.WhenAll(stdout, stderr);
        return process.ExitCode;
    }

    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static bool Inside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
}
