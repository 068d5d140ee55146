namespace Muster.Agents.Imports;

/// <summary>
/// The names one manifest declares. <see cref="Error"/> is set when the file could not be read or parsed: its
/// declarations are then unknown, and nothing may be concluded from a name being absent.
/// </summary>
internal sealed record DeclaredManifest(string Path, IReadOnlyList<DeclaredDependency> Dependencies, string? Error = null)
{
    public static DeclaredManifest Failed(string path, string error) => new(path, [], error);
}
