using System.Diagnostics;

namespace Muster.Workspace;

/// <summary>
/// Git status of every file under a root, from two <c>git ls-files</c> calls (tracked; ignored) instead of one
/// process per file. Paths are relative to the root with '/' separators.
/// </summary>
public sealed class GitStatusIndex
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(120);
    private readonly HashSet<string> _tracked;
    private readonly HashSet<string> _ignoredFiles;
    private readonly HashSet<string> _ignoredDirectories;

    private GitStatusIndex(HashSet<string> tracked, HashSet<string> ignoredFiles, HashSet<string> ignoredDirectories)
    {
        _tracked = tracked;
        _ignoredFiles = ignoredFiles;
        _ignoredDirectories = ignoredDirectories;
    }

    public int TrackedCount => _tracked.Count;

    /// <summary>The index for <paramref name="root"/>, or null (with the reason) when it is not in a git work tree or git is missing.</summary>
    public static GitStatusIndex? TryLoad(string root, out string? reason)
    {
        reason = null;
        var inside = RunGit(root, ["rev-parse", "--is-inside-work-tree"]);
        if (inside.Error is not null || inside.Output.Trim() != "true")
        {
            reason = inside.Error ?? "not inside a git work tree";
            return null;
        }
        var tracked = RunGit(root, ["ls-files", "-z", "--cached"]);
        var ignored = RunGit(root, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]);
        if (tracked.Error is not null || ignored.Error is not null)
        {
            reason = tracked.Error ?? ignored.Error;
            return null;
        }
        var trackedSet = new HashSet<string>(Split(tracked.Output), StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var dirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Split(ignored.Output))
        {
            if (entry.EndsWith('/')) dirs.Add(entry.TrimEnd('/'));
            else files.Add(entry);
        }
        return new GitStatusIndex(trackedSet, files, dirs);
    }

    public GitFileStatus StatusOf(string relativePath)
    {
        if (_tracked.Contains(relativePath)) return GitFileStatus.Tracked;
        if (_ignoredFiles.Contains(relativePath)) return GitFileStatus.Ignored;
        for (var slash = relativePath.IndexOf('/'); slash > 0; slash = relativePath.IndexOf('/', slash + 1))
        {
            if (_ignoredDirectories.Contains(relativePath[..slash])) return GitFileStatus.Ignored;
        }
        return GitFileStatus.Untracked;
    }

    private static IEnumerable<string> Split(string output) => output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static (string Output, string? Error) RunGit(string root, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The audited tree may belong to another user; reading its status is safe and is all we do.
        foreach (var a in (string[])["-c", "safe.directory=*", "-c", "core.quotePath=false"]) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var process = Process.Start(start);
            if (process is null) return ("", "git could not be started");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                return ("", $"git {args[0]} timed out");
            }
            var output = stdout.GetAwaiter().GetResult();
            var error = stderr.GetAwaiter().GetResult();
            return process.ExitCode == 0 ? (output, null) : ("", $"git {args[0]} failed: {FirstLine(error)}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return ("", "git is not installed: " + e.Message);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
