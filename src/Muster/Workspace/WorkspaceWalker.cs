using System.Collections.Concurrent;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Muster.Workspace;

/// <summary>
/// Lists the regular files under a root. Never follows a symbolic link (so never leaves the root and never loops);
/// unreadable folders and files that vanish mid-walk become <see cref="Errors"/>.
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
        var pending = new Stack<string>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dir = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                _errors.Enqueue(new ScanError(Relative(dir), e.Message));
                continue;
            }
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var entry = entries[i];
                if (entry.LinkTarget is not null) continue; // symlinks: never followed, never listed
                if (entry is DirectoryInfo)
                {
                    if (_options.SkippedDirectories.Contains(entry.Name)) { Interlocked.Increment(ref _skippedDirectories); continue; }
                    pending.Push(entry.FullName);
                }
            }
            foreach (var entry in entries)
            {
                if (entry is not FileInfo file || file.LinkTarget is not null) continue;
                var relative = Relative(file.FullName);
                if (!Selected(relative)) { Interlocked.Increment(ref _skippedFiles); continue; }
                long length;
                try
                {
                    length = file.Length;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _errors.Enqueue(new ScanError(relative, e.Message));
                    continue;
                }
                yield return new WorkspaceFile(relative, file.FullName, length);
            }
        }
    }

    public void RecordError(string relativePath, string message) => _errors.Enqueue(new ScanError(relativePath, message));

    private bool Selected(string relative) =>
        (_include is null || _include.Match(relative).HasMatches) && (_exclude is null || !_exclude.Match(relative).HasMatches);

    private string Relative(string fullPath) => Path.GetRelativePath(_root, fullPath).Replace('\\', '/');

    private static Matcher? BuildMatcher(IReadOnlyList<string> globs)
    {
        if (globs.Count == 0) return null;
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs) matcher.AddInclude(glob);
        return matcher;
    }
}
