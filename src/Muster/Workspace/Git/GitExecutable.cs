namespace Muster.Workspace.Git;

/// <summary>
/// Finds the git binary on PATH by absolute entries only. <c>Process.Start("git")</c> would look in the current
/// directory first, so running Muster from inside an audited repository holding a file named <c>git</c> would run it.
/// </summary>
internal static class GitExecutable
{
    /// <summary>The absolute path of git, never one inside <paramref name="auditedRoot"/>; throws <see cref="GitUnavailableException"/> when there is none.</summary>
    public static string Find(string auditedRoot, string? searchPath = null)
    {
        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathFullyQualified(dir)) continue;
            var candidate = Path.Combine(dir, "git");
            if (GitRepositoryLocation.IsInside(Path.GetFullPath(candidate), auditedRoot)) continue;
            if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        throw new GitUnavailableException("git is not installed (no executable 'git' on PATH)");
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
