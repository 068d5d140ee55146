using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// pyproject.toml: PEP 621 <c>[project]</c> dependencies and optional-dependencies, PEP 735
/// <c>[dependency-groups]</c>, uv's <c>[tool.uv] dev-dependencies</c>, and Poetry's <c>[tool.poetry]</c>
/// dependencies, dev-dependencies and groups. Every entry is direct; only pins become versions.
/// </summary>
internal sealed class PyprojectParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "pyproject.toml";

    public void Parse(ManifestFile file, ParseResult result)
    {
        var toml = TomlInput.Parse(file, result);
        if (toml is null) return;
        ReadRoots(file, toml, result);
        var metadata = toml.Table("project") ?? toml.Table("tool", "poetry");
        result.Projects.Add(new ProjectRecord
        {
            Ecosystem = Ecosystem.PyPI,
            ManifestPath = file.RelativePath,
            Name = metadata?.String("name"),
            Version = metadata?.String("version"),
            // PEP 621 allows a string (PEP 639: an SPDX expression) or { text = "..." } / { file = "..." }.
            License = metadata?.String("license") ?? metadata?.Table("license")?.String("text"),
        });
    }

    /// <summary>Adds every declared dependency to <paramref name="result"/> and returns (normalised name, scope) roots.</summary>
    public static List<(string Name, DependencyScope Scope)> ReadRoots(ManifestFile file, TomlTable toml, ParseResult result)
    {
        var roots = new List<(string, DependencyScope)>();
        // "pdm[copier,cookiecutter]" inside pdm's own extras names the project itself: its extras, not a package to install.
        var self = toml.Table("project")?.String("name") is { } projectName ? Pep503.Normalize(projectName) : null;
        void AddPep508(string requirement, DependencyScope scope, string kind)
        {
            var line = file.Lines.Find($"\"{requirement}\"") is > 0 and var l ? l : file.Lines.Find(requirement);
            if (!Pep508Requirement.TryParse(requirement, out var req, out var error))
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, error));
                return;
            }
            if (Pep503.Normalize(req.Name) == self) return;
            roots.Add((Pep503.Normalize(req.Name), scope));
            result.Packages.Add(Record(file, req.Name, req.ExactVersion, req.Url ?? req.Specifier ?? "*", scope, line, kind));
        }

        if (toml.Table("project") is { } project)
        {
            foreach (var r in project.Strings("dependencies")) AddPep508(r, DependencyScope.Production, "pyproject.toml (PEP 621)");
            if (project.Table("optional-dependencies") is { } optional)
            {
                foreach (var (_, list) in optional)
                {
                    foreach (var r in (list as TomlArray)?.OfType<string>() ?? []) AddPep508(r, DependencyScope.Optional, "pyproject.toml (PEP 621 optional)");
                }
            }
        }
        if (toml.Table("dependency-groups") is { } groups)
        {
            foreach (var (_, list) in groups)
            {
                // Entries may also be {include-group = "..."} tables, which name no package.
                foreach (var r in (list as TomlArray)?.OfType<string>() ?? []) AddPep508(r, DependencyScope.Development, "pyproject.toml (dependency group)");
            }
        }
        if (toml.Table("tool", "uv") is { } uv)
        {
            foreach (var r in uv.Strings("dev-dependencies")) AddPep508(r, DependencyScope.Development, "pyproject.toml (uv dev)");
        }
        if (toml.Table("tool", "poetry") is { } poetry)
        {
            AddPoetry(file, poetry.Table("dependencies"), "tool.poetry.dependencies", DependencyScope.Production, roots, result);
            AddPoetry(file, poetry.Table("dev-dependencies"), "tool.poetry.dev-dependencies", DependencyScope.Development, roots, result);
            if (poetry.Table("group") is { } poetryGroups)
            {
                foreach (var (group, value) in poetryGroups)
                {
                    var scope = group == "main" ? DependencyScope.Production : DependencyScope.Development;
                    AddPoetry(file, (value as TomlTable)?.Table("dependencies"), $"tool.poetry.group.{group}.dependencies", scope, roots, result);
                }
            }
        }
        return roots;
    }

    private static void AddPoetry(ManifestFile file, TomlTable? deps, string section, DependencyScope scope,
        List<(string, DependencyScope)> roots, ParseResult result)
    {
        if (deps is null) return;
        var sectionOffset = file.Lines.OffsetOf($"[{section}]");
        foreach (var (name, value) in deps)
        {
            if (name == "python") continue;
            var line = file.Lines.Find($"\n{name} ", sectionOffset) is > 0 and var l ? l + 1 : file.Lines.Find(name, sectionOffset);
            string? constraint;
            var entryScope = scope;
            switch (value)
            {
                case string s:
                    constraint = s;
                    break;
                case TomlTable t:
                    constraint = t.String("version") ?? t.String("git") ?? t.String("url") ?? t.String("path");
                    if (t.TryGetValue("optional", out var o) && o is true && scope == DependencyScope.Production) entryScope = DependencyScope.Optional;
                    break;
                case TomlArray a:
                    // Multiple-constraint dependencies: one constraint per marker set; kept together as written.
                    constraint = string.Join(" || ", a.OfType<TomlTable>().Select(t => t.String("version")).OfType<string>());
                    break;
                default:
                    result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Dependency '{name}' has an unreadable constraint."));
                    continue;
            }
            constraint ??= "*";
            var exact = Versions.Pep440VersionScheme.Instance.TryParseRange(constraint, out var range, out _) ? range.ExactVersion : null;
            roots.Add((Pep503.Normalize(name), entryScope));
            result.Packages.Add(Record(file, name, exact, constraint, entryScope, line, "pyproject.toml (Poetry)"));
        }
    }

    private static PackageRecord Record(ManifestFile file, string name, string? version, string range, DependencyScope scope, int line, string kind) => new()
    {
        Ecosystem = Ecosystem.PyPI,
        Name = name,
        Version = version,
        Range = range,
        Direct = true,
        Scope = scope,
        ManifestPath = file.RelativePath,
        Line = line,
        ManifestKind = kind,
    };
}
