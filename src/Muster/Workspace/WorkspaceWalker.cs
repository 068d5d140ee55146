using System.Collections.Concurrent;
using System.IO.Enumeration;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Muster.Workspace;

/// <summary>
/// Lists the regular files under a root. Never follows a symbolic link (so never leaves the root and never loops);
/// unreadable folders and files that vanish mid-walk become <see cref="Errors"/>. Reads each folder once with the
/// entries' types and sizes from the listing itself (no extra link or stat call per entry where the system gives them).
/// </summary>
public sealed class WorkspaceWalker
{
    private readonly string _root;
    private readonly WalkOptions _options;
    private readonly Matcher? _include;
    private readonly Matcher? _exclude;
    private readonly ConcurrentQueue<ScanError> _errors = new();
    private int _skippedDirectories;
    private int _skippedFiles;

    public WorkspaceWalker(string root, WalkOptions? options = null)
    {
        _root = Path.GetFullPath(root);
        _options = options ?? WalkOptions.Default;
        _include = BuildMatcher(_options.Include);
        _exclude = BuildMatcher(_options.Exclude);
    }

    public string Root => _root;
    public IReadOnlyCollection<ScanError> Errors => _errors;
    public int SkippedDirectories => _skippedDirectories;
    public int SkippedFiles => _skippedFiles;

    public IEnumerable<WorkspaceFile> EnumerateFiles(CancellationToken cancellationToken = default)
    {
        var pending = new Stack<(string Full, string Relative)>();
        pending.Push((_root, ""));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, relativeDir) = pending.Pop();
            List<DirectoryEntry> entries;
            try
            {
                entries = [.. new FileSystemEnumerable<DirectoryEntry>(dir, DirectoryEntry.From, ListOneFolder)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                _errors.Enqueue(new ScanError(relativeDir.Length == 0 ? "." : relativeDir, e.Message));
                continue;
            }
            entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var entry = entries[i];
                if (entry.Kind != DirectoryEntryKind.Directory) continue;
                if (_options.SkippedDirectories.Contains(entry.Name)) { Interlocked.Increment(ref _skippedDirectories); continue; }
                pending.Push((Path.Combine(dir, entry.Name), Join(relativeDir, entry.Name)));
            }
            foreach (var entry in entries)
            {
                if (entry.Kind is DirectoryEntryKind.Directory or DirectoryEntryKind.Link) continue; // symlinks: never followed, never listed
                var relative = Join(relativeDir, entry.Name);
                if (!Selected(relative)) { Interlocked.Increment(ref _skippedFiles); continue; }
                if (entry.Length < 0)
                {
                    _errors.Enqueue(new ScanError(relative, "its size cannot be read"));
                    continue;
                }
                var full = Path.Combine(dir, entry.Name);
                // FIFOs, sockets and devices list as 0-byte files; opening one can block forever, so none reaches an agent.
                if (entry.Length == 0 && FileTypeProbe.SpecialKind(full) is { } kind)
                {
                    _errors.Enqueue(new ScanError(relative, $"{kind}, not a regular file: not read"));
                    continue;
                }
                yield return new WorkspaceFile(relative, full, entry.Length);
            }
        }
    }

    /// <summary>
    /// Whether a walk would list a file at <paramref name="relativePath"/> ('/' separators): no folder on the way is
    /// skipped by name and the include/exclude globs select it. For paths that are not on disk (git history).
    /// </summary>
    public bool SelectsPath(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (_options.SkippedDirectories.Contains(segments[i])) return false;
        }
        return Selected(relativePath);
    }

    public void RecordError(string relativePath, string message) => _errors.Enqueue(new ScanError(relativePath, message));

    // One folder at a time (the walk recurses itself, to skip folders by name); errors surface, never silently skipped.
    private static readonly EnumerationOptions ListOneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private bool Selected(string relative) =>
        (_include is null || _include.Match(relative).HasMatches) && (_exclude is null || !_exclude.Match(relative).HasMatches);

    private static string Join(string relativeDir, string name) => relativeDir.Length == 0 ? name : relativeDir + "/" + name;

    private static Matcher? BuildMatcher(IReadOnlyList<string> globs)
    {
        if (globs.Count == 0) return null;
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs) matcher.AddInclude(glob);
        return matcher;
    }
}
