using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// NuGet's packages.lock.json: per target framework, each package's <c>type</c> (Direct, Transitive,
/// CentralTransitive, Project) and <c>resolved</c> version. A package locked for several frameworks is listed once
/// per distinct version.
/// </summary>
internal sealed class PackagesLockJsonParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "packages.lock.json";

    public void Parse(ManifestFile file, ParseResult result)
    {
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return;
        var direct = new List<PackageRef>();
        foreach (var framework in doc.RootElement.ObjectProperties("dependencies"))
        {
            direct.AddRange(framework.Value.EnumerateObject().Where(p => p.Value.GetString("type") == "Direct").Select(p => Locked(framework.Value, p.Name)).OfType<PackageRef>());
        }
        result.Projects.Add(new ProjectRecord { Ecosystem = Ecosystem.NuGet, ManifestPath = file.RelativePath, FromLockfile = true, DependsOn = [.. direct.Distinct()] });
        var seen = new HashSet<(string, string)>();
        foreach (var framework in doc.RootElement.ObjectProperties("dependencies"))
        {
            var from = file.Lines.OffsetOf($"\"{framework.Name}\"");
            foreach (var package in framework.Value.EnumerateObject())
            {
                var type = package.Value.GetString("type");
                if (type == "Project") continue;
                var version = package.Value.GetString("resolved");
                var line = file.Lines.Find($"\"{package.Name}\": {{", from);
                if (version is null)
                {
                    result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Locked package '{package.Name}' has no resolved version."));
                    continue;
                }
                if (!seen.Add((package.Name.ToLowerInvariant(), version))) continue;
                // A dependency's range is resolved by the same framework's entry of that name.
                var dependsOn = package.Value.ObjectProperties("dependencies")
                    .Select(d => Locked(framework.Value, d.Name))
                    .OfType<PackageRef>().Distinct().ToList();
                result.Packages.Add(new PackageRecord
                {
                    Ecosystem = Ecosystem.NuGet,
                    Name = package.Name,
                    Version = version,
                    Range = package.Value.GetString("requested"),
                    Direct = type == "Direct",
                    Scope = DependencyScope.Production,
                    ManifestPath = file.RelativePath,
                    Line = line,
                    ManifestKind = "packages.lock.json",
                    FromLockfile = true,
                    DependsOn = dependsOn,
                    Hashes = Integrity.FromBase64Sha512(package.Value.GetString("contentHash")),
                });
            }
        }
    }

    private static PackageRef? Locked(System.Text.Json.JsonElement framework, string name)
    {
        foreach (var entry in framework.EnumerateObject())
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase) && entry.Value.GetString("type") != "Project" && entry.Value.GetString("resolved") is { } version)
            {
                return new PackageRef(entry.Name, version);
            }
        }
        return null;
    }
}
