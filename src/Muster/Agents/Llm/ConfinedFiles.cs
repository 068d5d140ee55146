using Muster.Workspace;

namespace Muster.Agents.Llm;

/// <summary>
/// Resolves a path a model names to a file under the audited root. Anything that leads outside the root — '..',
/// an absolute path elsewhere, or a symbolic link anywhere on the way — is refused, never followed.
/// </summary>
internal sealed class ConfinedFiles(string root)
{
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public (string FullPath, string RelativePath) ResolveFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ToolRefusedException("a path is required");
        var cleaned = path.Trim().Replace('\\', '/');
        if (cleaned.StartsWith("./", StringComparison.Ordinal)) cleaned = cleaned[2..];
        var full = Path.GetFullPath(Path.IsPathRooted(cleaned) ? cleaned : Path.Combine(Root, cleaned));
        var relative = RootPaths.ToRelative(Root, full);
        if (relative is null || relative == ".")
        {
            throw new ToolRefusedException($"'{path}' is outside the audited root; only files under it can be read");
        }
        if (RootPaths.FirstSymlinkBetween(Root, full) is { } link)
        {
            throw new ToolRefusedException($"'{path}' goes through the symbolic link '{link}', which is not followed");
        }
        if (!File.Exists(full))
        {
            throw new ToolRefusedException(Directory.Exists(full) ? $"'{relative}' is a folder; use list_files" : $"'{relative}' does not exist");
        }
        return (full, relative);
    }

    /// <summary>A glob for listing and searching: relative, no '..'.</summary>
    public static string CheckGlob(string? glob)
    {
        var g = string.IsNullOrWhiteSpace(glob) ? "**/*" : glob.Trim().Replace('\\', '/');
        if (Path.IsPathRooted(g) || g.Split('/').Contains(".."))
        {
            throw new ToolRefusedException($"glob '{glob}' must be relative to the audited root and must not contain '..'");
        }
        return g;
    }

    /// <summary>Whether the first bytes look like a binary file (a NUL byte).</summary>
    public static bool LooksBinary(string fullPath)
    {
        using var stream = File.OpenRead(fullPath);
        Span<byte> head = stackalloc byte[8192];
        var read = stream.Read(head);
        return head[..read].Contains((byte)0);
    }
}
