using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>Pipfile: <c>[packages]</c> (production) and <c>[dev-packages]</c>; values are a specifier or a table.</summary>
internal sealed class PipfileParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "Pipfile";

    public void Parse(ManifestFile file, ParseResult result)
    {
        var toml = TomlInput.Parse(file, result);
        if (toml is null) return;
        foreach (var (section, scope) in new[] { ("packages", DependencyScope.Production), ("dev-packages", DependencyScope.Development) })
        {
            var table = toml.Table(section);
            if (table is null) continue;
            var sectionOffset = file.Lines.OffsetOf($"[{section}]");
            foreach (var (name, value) in table)
            {
                var line = file.Lines.Find($"\n{name}", sectionOffset) is > 0 and var l ? l + 1 : 0;
                var spec = value switch
                {
                    string s => s,
                    TomlTable t => t.String("version") ?? t.String("git") ?? t.String("path") ?? t.String("file") ?? "*",
                    _ => null,
                };
                if (spec is null)
                {
                    result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Package '{name}' has an unreadable specifier."));
                    continue;
                }
                var exact = Versions.Pep440VersionScheme.Instance.TryParseRange(spec, out var range, out _) ? range.ExactVersion : null;
                result.Packages.Add(new PackageRecord
                {
                    Ecosystem = Ecosystem.PyPI,
                    Name = name,
                    Version = exact,
                    Range = spec,
                    Direct = true,
                    Scope = scope,
                    ManifestPath = file.RelativePath,
                    Line = line,
                    ManifestKind = "Pipfile",
                });
            }
        }
    }
}
