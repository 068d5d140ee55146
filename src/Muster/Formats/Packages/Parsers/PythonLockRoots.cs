using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

internal static class PythonLockRoots
{
    /// <summary>Direct dependencies (normalised name, scope) declared by the pyproject.toml beside a lockfile.</summary>
    public static List<(string Name, DependencyScope Scope)> FromSiblingPyproject(ManifestFile lockfile)
    {
        var pyproject = lockfile.OpenSibling("pyproject.toml");
        if (pyproject is null) return [];
        var scratch = new ParseResult();
        var toml = TomlInput.Parse(pyproject, scratch);
        return toml is null ? [] : PyprojectParser.ReadRoots(pyproject, toml, scratch);
    }

    public static PackageRecord Record(ManifestFile file, LockGraph.Node node, string kind) => node.ToRecord(Ecosystem.PyPI, file, kind);
}
