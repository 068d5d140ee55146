using System.Xml;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// NuGet's packages.config (.NET Framework projects): every installed package, transitive ones included, as
/// <c>&lt;package id version targetFramework developmentDependency/&gt;</c>. The file is what restore installs, so it
/// counts as a lockfile; which entries the project asked for directly is not recorded in it.
/// </summary>
internal sealed class PackagesConfigParser : IManifestParser
{
    public bool Matches(string fileName) => fileName.Equals("packages.config", StringComparison.OrdinalIgnoreCase);

    public void Parse(ManifestFile file, ParseResult result)
    {
        var doc = MsBuildProjectParser.LoadXml(file, result);
        if (doc is null) return;
        foreach (var element in doc.Descendants().Where(e => e.Name.LocalName == "package"))
        {
            var line = ((IXmlLineInfo)element).LineNumber;
            var id = element.Attribute("id")?.Value;
            var version = element.Attribute("version")?.Value;
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, "A <package> element lacks its id or version attribute."));
                continue;
            }
            var development = string.Equals(element.Attribute("developmentDependency")?.Value, "true", StringComparison.OrdinalIgnoreCase);
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.NuGet,
                Name = id,
                Version = version,
                Scope = development ? DependencyScope.Development : DependencyScope.Production,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = "packages.config",
                FromLockfile = true,
            });
        }
    }
}
