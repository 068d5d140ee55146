namespace Muster.Workspace;

/// <summary>Cached existence checks under the audited root; relative paths use '/'. Symlinks count only when they stay a real entry.</summary>
internal sealed class PathProbe(string root)
{
    private readonly Dictionary<string, Listing> _listings = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(root);

    public string Full(string relative) => relative.Length == 0 ? Root : Path.Combine(Root, relative);

    public bool FileExists(string relative) => List(DirectoryOf(relative)).Files.Contains(NameOf(relative));

    public bool DirectoryExists(string relative) =>
        relative.Length == 0 ? Directory.Exists(Root) : List(DirectoryOf(relative)).Directories.Contains(NameOf(relative));

    /// <summary>File names directly in <paramref name="directory"/> (cached; empty when it does not exist).</summary>
    public IReadOnlySet<string> FilesIn(string directory) => List(directory).Files;

    private Listing List(string directory)
    {
        if (_listings.TryGetValue(directory, out var listing)) return listing;
        var files = new HashSet<string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in new DirectoryInfo(Full(directory)).EnumerateFileSystemInfos())
            {
                var target = entry.LinkTarget is null ? entry : entry.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists) continue;
                if (target is DirectoryInfo) directories.Add(entry.Name);
                else files.Add(entry.Name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // Missing or unreadable: nothing can be found there, which the caller reports as unresolved.
        }
        listing = new Listing(files, directories);
        _listings[directory] = listing;
        return listing;
    }

    private sealed record Listing(HashSet<string> Files, HashSet<string> Directories);

    private static string NameOf(string relative)
    {
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? relative : relative[(slash + 1)..];
    }

    public static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    public static string DirectoryOf(string relative)
    {
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? "" : relative[..slash];
    }

    /// <summary>The directory and its ancestors up to the root (""), nearest first.</summary>
    public static IEnumerable<string> SelfAndAncestors(string directory)
    {
        var current = directory;
        while (true)
        {
            yield return current;
            if (current.Length == 0) yield break;
            current = DirectoryOf(current);
        }
    }

    /// <summary>Normalises "a/./b/../c" to "a/c"; null when it climbs above the root.</summary>
    public static string? Normalize(string relative)
    {
        var parts = new List<string>();
        foreach (var part in relative.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
