namespace Muster.Workspace;

/// <summary>
/// A path one workspace file names (a requirements <c>-r</c>, a compose <c>include</c>, an nginx <c>include</c>),
/// resolved against the referring file's folder and confined to the audited root. <see cref="FullPath"/> is set only
/// when the reference stays inside the root after <c>..</c> and every symbolic link on the way are resolved; then it is
/// safe to open. Otherwise <see cref="Outside"/> is true and nothing may be read: the caller reports the reference
/// as written (<see cref="Written"/>).
/// </summary>
public sealed record WorkspaceReference(string Written, string? FullPath, string? RelativePath, string? Refusal)
{
    public bool Outside => FullPath is null;

    /// <summary>
    /// Resolves <paramref name="written"/> relative to <paramref name="baseDirectory"/> (a full path) and confines it
    /// to <paramref name="root"/>. Only link targets are inspected (readlink, stat); no file outside the root is opened.
    /// </summary>
    public static WorkspaceReference Resolve(string root, string baseDirectory, string written)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (written.StartsWith('~')) return new WorkspaceReference(written, null, null, "a path in a home folder, outside the workspace");
        string lexical;
        try
        {
            lexical = Path.GetFullPath(Path.IsPathRooted(written) ? written : Path.Combine(baseDirectory, written));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new WorkspaceReference(written, null, null, $"not a usable path ({e.Message})");
        }
        if (!RootPaths.IsInside(fullRoot, lexical))
        {
            return new WorkspaceReference(written, null, null, Path.IsPathRooted(written) ? "an absolute path outside the workspace" : "climbs out of the workspace");
        }
        if (LinkEscape(fullRoot, lexical) is { } link)
        {
            return new WorkspaceReference(written, null, null, $"{link} is a symbolic link that leads outside the workspace");
        }
        return new WorkspaceReference(written, lexical, Path.GetRelativePath(fullRoot, lexical).Replace(Path.DirectorySeparatorChar, '/'), null);
    }

    /// <summary>The first component under the root that is a symbolic link whose final target is outside the root, or null.</summary>
    public static string? LinkEscape(string fullRoot, string fullPath)
    {
        var realRoot = RealPath(fullRoot);
        var current = fullRoot;
        foreach (var part in Path.GetRelativePath(fullRoot, fullPath).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            current = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(current);
            if (!info.Exists && !Directory.Exists(current)) return null; // missing: nothing further can be opened through it
            if (Directory.Exists(current)) info = new DirectoryInfo(current);
            if (info.LinkTarget is null) continue;
            var target = RealPath(current);
            if (!RootPaths.IsInside(realRoot, target) && !RootPaths.IsInside(fullRoot, target))
            {
                return Path.GetRelativePath(fullRoot, current).Replace(Path.DirectorySeparatorChar, '/');
            }
        }
        return null;
    }

    /// <summary>The path with every symbolic link along it resolved (bounded, so a link loop ends).</summary>
    private static string RealPath(string fullPath)
    {
        var parts = fullPath.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(fullPath) ?? Path.DirectorySeparatorChar.ToString();
        var hops = 0;
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            while (hops++ < 64)
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not { } target) break;
                current = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(current)!, target));
            }
        }
        return current;
    }
}
