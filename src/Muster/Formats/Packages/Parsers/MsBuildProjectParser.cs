using System.Xml;
using System.Xml.Linq;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Versions;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// MSBuild projects (<c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>) and <c>Directory.Packages.props</c>.
/// A PackageReference's version comes from its <c>Version</c> (attribute or element), its <c>VersionOverride</c>, or
/// with central package management from the nearest <c>Directory.Packages.props</c>' <c>&lt;PackageVersion&gt;</c>.
/// A bare NuGet version is a minimum, but restore picks the lowest applicable version, so it is inventoried as the
/// version; bracket ranges and floating versions stay ranges. <c>PrivateAssets="all"</c> marks build-time packages.
/// </summary>
internal sealed class MsBuildProjectParser : IManifestParser
{
    public const string CentralFile = "Directory.Packages.props";

    public bool Matches(string fileName) =>
        fileName.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) ||
        fileName == CentralFile;

    public void Parse(ManifestFile file, ParseResult result)
    {
        var doc = LoadXml(file, result);
        if (doc is null) return;
        var isCentral = file.FileName == CentralFile;
        if (!isCentral)
        {
            // A project's package id defaults to its file name; only an explicit <PackageId> or <Version> says more.
            var properties = doc.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToList();
            string? Property(string name) => properties.LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v && !v.Contains("$(", StringComparison.Ordinal) ? v : null;
            result.Projects.Add(new ProjectRecord
            {
                Ecosystem = Ecosystem.NuGet,
                ManifestPath = file.RelativePath,
                Name = Property("PackageId") ?? Path.GetFileNameWithoutExtension(file.FileName),
                Version = Property("Version"),
                License = Property("PackageLicenseExpression"),
            });
        }
        var firstOwn = result.Packages.Count;
        Dictionary<string, (string Version, string Path)>? central = null;
        foreach (var element in doc.Descendants())
        {
            var local = element.Name.LocalName;
            var isGlobal = local == "GlobalPackageReference";
            if (local != "PackageReference" && !isGlobal) continue;
            var name = element.Attribute("Include")?.Value ?? element.Attribute("Update")?.Value;
            if (string.IsNullOrWhiteSpace(name)) continue;
            var line = ((IXmlLineInfo)element).LineNumber;
            var spec = Value(element, "VersionOverride") ?? Value(element, "Version");
            var kind = isCentral ? $"{CentralFile} (GlobalPackageReference)" : Path.GetExtension(file.FileName).TrimStart('.');
            if (spec is null && !isCentral)
            {
                central ??= CentralVersions(file, result);
                if (central.TryGetValue(name, out var pinned))
                {
                    spec = pinned.Version;
                    kind += $" (version from {pinned.Path})";
                }
            }
            if (spec is null)
            {
                // An Update= item only changes metadata; an Include= without any version is restored as unverifiable.
                if (element.Attribute("Include") is not null)
                {
                    result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"PackageReference '{name}' has no version here or in {CentralFile}; its version could not be determined."));
                }
                continue;
            }
            var privateAssets = Value(element, "PrivateAssets");
            var buildOnly = isGlobal || string.Equals(privateAssets, "all", StringComparison.OrdinalIgnoreCase);
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.NuGet,
                Name = name,
                Version = ResolvedVersion(spec),
                Range = spec,
                Direct = true,
                Scope = buildOnly ? DependencyScope.Development : DependencyScope.Production,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = kind,
            });
        }
        if (!isCentral) AddRestoredPackages(file, result, firstOwn);
    }

    /// <summary>
    /// A restored project's <c>obj/project.assets.json</c> says what restore installed: a direct reference takes the
    /// resolved version (still at its line in the project file), and the transitive packages are added at their
    /// lines in the assets file. Without the file, the project file's versions stand.
    /// </summary>
    private static void AddRestoredPackages(ManifestFile file, ParseResult result, int firstOwn)
    {
        ManifestFile? assets;
        try
        {
            assets = file.OpenSibling("obj/" + NuGetAssetsParser.AssetsFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, 0, $"obj/{NuGetAssetsParser.AssetsFile} could not be read: {e.Message}"));
            return;
        }
        if (assets is null) return;
        var restored = new ParseResult();
        new NuGetAssetsParser().Parse(assets, restored);
        result.FilesRead.Add(assets.RelativePath);
        result.Problems.AddRange(restored.Problems);
        var own = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = firstOwn; i < result.Packages.Count; i++) own.TryAdd(result.Packages[i].Name, i);
        foreach (var package in restored.Packages)
        {
            if (package.Direct && own.TryGetValue(package.Name, out var index))
            {
                var declared = result.Packages[index];
                result.Packages[index] = declared with { Version = package.Version, ManifestKind = declared.ManifestKind + $" (restored: {assets.RelativePath})", FromLockfile = true };
                continue;
            }
            result.Packages.Add(package);
        }
    }

    /// <summary>The version restore installs for a spec when it can be known from the text alone.</summary>
    private static string? ResolvedVersion(string spec)
    {
        var s = spec.Trim();
        if (NuGetVersion.TryParse(s, out _)) return s;
        return NuGetVersionScheme.Instance.TryParseRange(s, out var range, out _) ? range.ExactVersion : null;
    }

    private static string? Value(XElement element, string name) =>
        element.Attribute(name)?.Value ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    internal static XDocument? LoadXml(ManifestFile file, ParseResult result)
    {
        try
        {
            if (TooDeep(file.Text) is { } line)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line,
                    $"XML nested deeper than {MaxDepth} elements: not read (an MSBuild project is a few levels deep)"));
                return null;
            }
            using var reader = XmlReader.Create(new StringReader(file.Text), ReaderSettings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, e.LineNumber, $"Invalid XML: {e.Message}"));
            return null;
        }
    }

    private const int MaxDepth = 256;

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    // A streaming pass first: building a tree 200,000 elements deep ran for minutes (issue 18's hostile corpus).
    private static int? TooDeep(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), ReaderSettings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth) return ((IXmlLineInfo)reader).LineNumber;
        }
        return null;
    }

    /// <summary>PackageVersion items of the nearest Directory.Packages.props at or above the project's folder.</summary>
    private static Dictionary<string, (string, string)> CentralVersions(ManifestFile project, ParseResult result)
    {
        var versions = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        var depth = project.RelativePath.Count(c => c == '/');
        for (var up = 0; up <= depth; up++)
        {
            var props = project.OpenSibling(string.Concat(Enumerable.Repeat("../", up)) + CentralFile);
            if (props is null) continue;
            var doc = LoadXml(props, new ParseResult());
            if (doc is null) break;
            result.FilesRead.Add(props.RelativePath);
            foreach (var item in doc.Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
            {
                var name = item.Attribute("Include")?.Value ?? item.Attribute("Update")?.Value;
                var version = Value(item, "Version");
                if (name is not null && version is not null) versions[name] = (version, props.RelativePath);
            }
            break;
        }
        return versions;
    }
}
