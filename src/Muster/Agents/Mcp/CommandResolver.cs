namespace Muster.Agents.Mcp;

/// <summary>Finds the program a server's <c>command</c> names, the way a process start would, without running anything.</summary>
internal static class CommandResolver
{
    public static string? Resolve(string command, string workspaceRoot, string? path)
    {
        if (command.Contains('/') || command.Contains('\\'))
        {
            var full = Path.GetFullPath(Path.IsPathRooted(command) ? command : Path.Combine(workspaceRoot, command));
            return IsProgram(full) ? full : null;
        }
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in Candidates(Path.Combine(folder, command)))
            {
                if (IsProgram(candidate)) return candidate;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (!OperatingSystem.IsWindows()) yield break;
        foreach (var ext in (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries))
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
