namespace Muster.Agents.Mcp;

/// <summary>Finds the program a server's <c>command</c> names, the way a process start would, without running anything.</summary>
internal static class CommandResolver
{
    /// <param name="environment">The agent's environment: <c>PATH</c>, and <c>PATHEXT</c> on Windows.</param>
    public static string? Resolve(string command, string workspaceRoot, Func<string, string?> environment)
    {
        if (command.Contains('/') || command.Contains('\\'))
        {
            var full = Path.GetFullPath(Path.IsPathRooted(command) ? command : Path.Combine(workspaceRoot, command));
            return IsProgram(full) ? full : null;
        }
        var pathExt = environment("PATHEXT");
        foreach (var folder in (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in Candidates(Path.Combine(folder, command), pathExt))
            {
                if (IsProgram(candidate)) return candidate;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string path, string? pathExt)
    {
        yield return path;
        if (!OperatingSystem.IsWindows()) yield break;
        foreach (var ext in (pathExt ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return path + ext;
        }
    }

    private static bool IsProgram(string path)
    {
        if (!File.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return true;
        return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
