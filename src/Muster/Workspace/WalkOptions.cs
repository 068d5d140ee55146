namespace Muster.Workspace;

/// <summary>What a walk visits. Globs are matched against root-relative paths with '/' separators.</summary>
public sealed record WalkOptions
{
    /// <summary>Folder names never entered: VCS internals, dependency caches, build output, virtualenvs.</summary>
    public static readonly IReadOnlySet<string> DefaultSkippedDirectories = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "bin", "obj", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
        ".pytest_cache", ".muster",
    };

    public static readonly WalkOptions Default = new();

    public IReadOnlySet<string> SkippedDirectories { get; init; } = DefaultSkippedDirectories;
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
