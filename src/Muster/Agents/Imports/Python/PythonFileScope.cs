namespace Muster.Agents.Imports.Python;

/// <summary>
/// One Python file being verified: where it is, which project owns it, what kind of code it is, its search roots.
/// An example inside a package may be run as a script (its folder on sys.path) or as a module (<c>python -m</c>, its
/// folder not on sys.path): <see cref="ModuleRoots"/> holds the second set, and an import resolving either way resolves.
/// </summary>
internal sealed record PythonFileScope(
    string Path,
    string Directory,
    string? Project,
    SourceContext Context,
    PythonFileFacts Facts,
    IReadOnlyList<string> Roots,
    string Source)
{
    public IReadOnlyList<string>? ModuleRoots { get; init; }

    /// <summary>Top-level modules one of whose imports in this file carries a "may be missing" type-checker marker.</summary>
    public HashSet<string> MarkedOptional { get; } = new(StringComparer.Ordinal);
}
