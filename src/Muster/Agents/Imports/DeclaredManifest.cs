using Muster.Workspace;

namespace Muster.Agents.Imports;

/// <summary>
/// The names one manifest declares. <see cref="Error"/> is set when the file could not be read or parsed: its
/// declarations are then unknown, and nothing may be concluded from a name being absent. <see cref="Skipped"/> counts
/// the entries past the entry budget, which were not read: absence is then not conclusive either. <see cref="Outside"/>
/// lists the files it refers to outside the workspace, which were not read.
/// </summary>
internal sealed record DeclaredManifest(string Path, IReadOnlyList<DeclaredDependency> Dependencies, string? Error = null)
{
    public DeclaredManifest(string path, DeclaredEntries entries) : this(path, entries.Kept)
    {
        Skipped = entries.Skipped;
        FirstSkipped = entries.FirstSkipped;
        Budget = entries.Budget;
    }

    public IReadOnlyList<OutsideReference> Outside { get; init; } = [];

    /// <summary>Entries past <see cref="Budget"/>, counted and not kept.</summary>
    public long Skipped { get; }

    /// <summary>Where the first skipped entry was declared (this file, or a requirements file it includes).</summary>
    public (string Path, int Line) FirstSkipped { get; }

    public int Budget { get; }

    /// <summary>Read whole, without error: a name it does not declare is not declared.</summary>
    public bool Complete => Error is null && Skipped == 0;

    public static DeclaredManifest Failed(string path, string error) => new(path, [], error);
}

/// <summary>A reference (<c>-r</c>, <c>-c</c>, <c>-e</c>) at <paramref name="Path"/>:<paramref name="Line"/> that leaves the workspace.</summary>
internal sealed record OutsideReference(string Path, int Line, string Option, WorkspaceReference Reference);
