namespace Muster.Workspace;

/// <summary>Containment checks for paths under the audited root.</summary>
internal static class RootPaths
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static bool IsInside(string root, string fullPath)
    {
        var r = Path.TrimEndingDirectorySeparator(root);
        return fullPath.Equals(r, PathComparison)
            || fullPath.StartsWith(r + Path.DirectorySeparatorChar, PathComparison);
    }

    /// <summary>The first component between <paramref name="root"/> and <paramref name="fullPath"/> that is a symbolic link.</summary>
    public static string? FirstSymlinkBetween(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative == ".") return null;
        var current = Path.TrimEndingDirectorySeparator(root);
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null) return Path.GetRelativePath(root, current).Replace('\\', '/');
        }
        return null;
    }

    /// <summary>Root-relative form with '/' separators, or null when the path is outside the root.</summary>
    public static string? ToRelative(string root, string fullPath) =>
        IsInside(root, fullPath) ? Path.GetRelativePath(root, fullPath).Replace('\\', '/') : null;
}
