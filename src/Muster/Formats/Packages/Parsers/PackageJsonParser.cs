using System.Text.Json;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Versions;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// package.json: dependencies (production), devDependencies, optionalDependencies. Peer dependencies are the host's
/// to install and are not inventoried. Specs are kept as written; an <c>npm:</c> alias is inventoried under the real name.
/// </summary>
internal sealed class PackageJsonParser : IManifestParser
{
    private static readonly (string Section, DependencyScope Scope)[] Sections =
    [
        ("dependencies", DependencyScope.Production),
        ("devDependencies", DependencyScope.Development),
        ("optionalDependencies", DependencyScope.Optional),
    ];

    public bool Matches(string fileName) => fileName == "package.json";

    public void Parse(ManifestFile file, ParseResult result)
    {
        foreach (var dep in ReadDeclared(file, result))
        {
            var (name, spec) = ResolveAlias(dep.Name, dep.Spec);
            var exact = NpmVersionScheme.Instance.TryParseRange(spec, out var range, out _) ? range.ExactVersion : null;
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.Npm,
                Name = name,
                Version = exact,
                Range = spec,
                Direct = true,
                Scope = dep.Scope,
                ManifestPath = file.RelativePath,
                Line = dep.Line,
                ManifestKind = "package.json",
            });
        }
        using var doc = JsonInput.Parse(file, new ParseResult());
        if (doc is null) return;
        result.Projects.Add(new ProjectRecord
        {
            Ecosystem = Ecosystem.Npm,
            ManifestPath = file.RelativePath,
            Name = doc.RootElement.GetString("name"),
            Version = doc.RootElement.GetString("version"),
            License = PackageLockParser.LicenseText(doc.RootElement),
        });
    }

    /// <summary>The dependencies a package.json declares, for lockfile parsers that classify entries from it.</summary>
    public static List<NpmDeclaredDependency> ReadDeclared(ManifestFile file, ParseResult result)
    {
        var declared = new List<NpmDeclaredDependency>();
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return declared;
        foreach (var (section, scope) in Sections)
        {
            if (!doc.RootElement.TryGetProperty(section, out var deps)) continue;
            if (deps.ValueKind != JsonValueKind.Object)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, file.Lines.FindJsonKey(section), $"'{section}' is not an object."));
                continue;
            }
            foreach (var dep in deps.EnumerateObject())
            {
                var line = file.Lines.FindJsonKey(dep.Name, section);
                if (dep.Value.ValueKind != JsonValueKind.String)
                {
                    result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"'{section}.{dep.Name}' is not a string."));
                    continue;
                }
                declared.Add(new NpmDeclaredDependency(dep.Name, dep.Value.GetString()!, scope, line));
            }
        }
        return declared;
    }

    /// <summary><c>"alias": "npm:real-name@^1.0"</c> installs real-name.</summary>
    public static (string Name, string Spec) ResolveAlias(string name, string spec)
    {
        if (!spec.StartsWith("npm:", StringComparison.Ordinal)) return (name, spec);
        var target = spec[4..];
        var at = target.IndexOf('@', 1);
        return at < 0 ? (target, "*") : (target[..at], target[(at + 1)..]);
    }
}
