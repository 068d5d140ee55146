using Muster.Workspace;

namespace Muster.Agents.Imports;

/// <summary>
/// The names one manifest declares. <see cref="Error"/> is set when the file could not be read or parsed: its
/// declarations are then unknown, and nothing may be concluded from a name being absent. <see cref="Outside"/> lists
/// the files it refers to outside the workspace, which were not read.
/// </summary>
internal sealed record DeclaredManifest(string Path, IReadOnlyList<DeclaredDependency> Dependencies, string? Error = null)
{
    public IReadOnlyList<OutsideReference> Outside { get; init; } = [];

    public static DeclaredManifest Failed(string path, string error) => new(path, [], error);
}

/// <summary>A reference (<c>-r</c>, <c>-c</c>, <c>-e</c>) at <paramref name="Path"/>:<paramref name="Line"/> that leaves the workspace.</summary>
internal sealed record OutsideReference(string Path, int Line, string Option, WorkspaceReference Reference);
