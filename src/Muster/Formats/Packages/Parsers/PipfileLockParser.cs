using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// Pipfile.lock (JSON): <c>default</c> is production, <c>develop</c> development; versions are written <c>==1.2.3</c>.
/// A package is direct when the sibling Pipfile names it.
/// </summary>
internal sealed class PipfileLockParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "Pipfile.lock";

    public void Parse(ManifestFile file, ParseResult result)
    {
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return;
        var direct = new HashSet<string>(StringComparer.Ordinal);
        if (file.OpenSibling("Pipfile") is { } pipfile)
        {
            var scratch = new ParseResult();
            new PipfileParser().Parse(pipfile, scratch);
            direct.UnionWith(scratch.Packages.Select(p => Pep503.Normalize(p.Name)));
        }
        foreach (var (section, scope) in new[] { ("default", DependencyScope.Production), ("develop", DependencyScope.Development) })
        {
            foreach (var entry in doc.RootElement.ObjectProperties(section))
            {
                var line = file.Lines.FindJsonKey(entry.Name, section);
                var version = entry.Value.GetString("version");
                if (version is null)
                {
                    // VCS and path entries carry no version: kept with their source, so the inventory and SBOM show them.
                    var source = entry.Value.GetString("git") is { } git ? "git+" + git + (entry.Value.GetString("ref") is { } gitRef ? "@" + gitRef : "")
                        : entry.Value.GetString("path") is { } path ? "path " + path
                        : null;
                    if (source is null)
                    {
                        result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Locked package '{entry.Name}' has no version."));
                        continue;
                    }
                    result.Packages.Add(new PackageRecord
                    {
                        Ecosystem = Ecosystem.PyPI,
                        Name = entry.Name,
                        Range = source,
                        Direct = direct.Contains(Pep503.Normalize(entry.Name)),
                        Scope = scope,
                        ManifestPath = file.RelativePath,
                        Line = line,
                        ManifestKind = "Pipfile.lock",
                        FromLockfile = true,
                    });
                    continue;
                }
                result.Packages.Add(new PackageRecord
                {
                    Ecosystem = Ecosystem.PyPI,
                    Name = entry.Name,
                    Version = version.StartsWith("==", StringComparison.Ordinal) ? version[2..] : version,
                    Direct = direct.Contains(Pep503.Normalize(entry.Name)),
                    Scope = scope,
                    ManifestPath = file.RelativePath,
                    Line = line,
                    ManifestKind = "Pipfile.lock",
                    FromLockfile = true,
                });
            }
        }
    }
}
