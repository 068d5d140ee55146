using System.Diagnostics;
using System.Text;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// Asks git, once for all paths, which are ignored by .gitignore patterns and which are tracked. Null when the root is
/// not in a git work tree or git cannot run, so the caller can fall back to <see cref="GitIgnoreMatcher"/>.
/// </summary>
internal static class GitStatus
{
    public static async Task<(IReadOnlySet<string> Ignored, IReadOnlySet<string> Tracked)?> QueryAsync(
        string root, IReadOnlyList<string> relativePaths, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (relativePaths.Count == 0) return (new HashSet<string>(), new HashSet<string>());
        var input = string.Join('\0', relativePaths) + "\0";
        // --no-index: judge by patterns alone; tracked files are reported separately by ls-files.
        var ignored = await RunAsync(root, ["check-ignore", "--no-index", "--stdin", "-z"], input, timeout, cancellationToken);
        if (ignored is null) return null;
        // All tracked files under the root, intersected here: passing thousands of paths as arguments could overflow the command line.
        var tracked = await RunAsync(root, ["ls-files", "-z"], null, timeout, cancellationToken);
        if (tracked is null) return null;
        var wanted = relativePaths.ToHashSet(StringComparer.Ordinal);
        return (Split(ignored), Split(tracked).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal));
    }

    private static HashSet<string> Split(string output) =>
        output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static async Task<string?> RunAsync(string root, IReadOnlyList<string> args, string? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(root);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
                var stderr = process.StandardError.ReadToEndAsync(limit.Token);
                try
                {
                    if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git exited before reading its input (not a repository): the exit code below says so.
                }
                await process.WaitForExitAsync(limit.Token);
                var output = await stdout;
                await stderr;
                // check-ignore exits 1 when nothing is ignored; 128 means not a repository.
                return process.ExitCode is 0 or 1 ? output : null;
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                if (cancellationToken.IsCancellationRequested) throw;
                return null;
            }
        }
    }
}
