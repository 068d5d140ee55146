using Muster.Formats.Mcp;

namespace Muster.Agents.Mcp;

/// <summary>
/// The folders a filesystem MCP server (<c>@modelcontextprotocol/server-filesystem</c> and look-alikes) is given,
/// and those wider than the workspace: the filesystem root, the home folder, a parent of the workspace or a folder
/// outside it.
/// </summary>
internal static class FilesystemRoots
{
    public static bool IsFilesystemServer(McpServerConfig server) =>
        server.IsStdio && (server.Args.Any(IsFilesystemPackage) || IsFilesystemPackage(Path.GetFileName(server.Command!)));

    private static bool IsFilesystemPackage(string arg) =>
        arg.Contains("server-filesystem", StringComparison.OrdinalIgnoreCase) || arg.Contains("mcp-server-filesystem", StringComparison.OrdinalIgnoreCase);

    /// <summary>Each root argument that reaches outside <paramref name="workspaceRoot"/>, with its resolved path.</summary>
    public static IEnumerable<(string Argument, string Resolved)> WiderThanWorkspace(McpServerConfig server, string workspaceRoot, string? home)
    {
        if (!IsFilesystemServer(server)) yield break;
        var package = server.Args.ToList().FindIndex(IsFilesystemPackage);
        foreach (var arg in server.Args.Skip(package + 1))
        {
            if (arg.StartsWith('-') || arg.Length == 0) continue;
            var resolved = Resolve(arg, workspaceRoot, home);
            if (resolved is null) continue;
            if (!IsInside(resolved, workspaceRoot)) yield return (arg, resolved);
        }
    }

    private static string? Resolve(string arg, string workspaceRoot, string? home)
    {
        var value = arg.Replace("${workspaceFolder}", workspaceRoot, StringComparison.Ordinal);
        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal))
        {
            // The home folder is wider than any workspace inside it; unknown home still means "outside".
            value = (home ?? "/home/unknown") + value[1..];
        }
        if (value.Contains("${", StringComparison.Ordinal)) return null;
        return Path.GetFullPath(Path.IsPathRooted(value) ? value : Path.Combine(workspaceRoot, value));
    }

    private static bool IsInside(string path, string root)
    {
        var p = Path.TrimEndingDirectorySeparator(path);
        var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return p.Equals(r, StringComparison.Ordinal) || p.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
