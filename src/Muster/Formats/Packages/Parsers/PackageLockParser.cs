using System.Text.Json;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// package-lock.json and npm-shrinkwrap.json. v2/v3 read the <c>packages</c> map (keys are install paths; the root
/// entry "" lists direct dependencies); v1 walks the nested <c>dependencies</c> tree. Dev/optional come from the
/// lock's own flags; direct means installed at the top level and declared by the root or a workspace package.
/// </summary>
internal sealed class PackageLockParser : IManifestParser
{
    private const string NodeModules = "node_modules/";

    public bool Matches(string fileName) => fileName is "package-lock.json" or "npm-shrinkwrap.json";

    public void Parse(ManifestFile file, ParseResult result)
    {
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return;
        var root = doc.RootElement;
        var lockVersion = root.TryGetProperty("lockfileVersion", out var lv) && lv.ValueKind == JsonValueKind.Number ? lv.GetInt32() : 1;
        var kind = $"{file.FileName} v{lockVersion}";
        if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
        {
            ParsePackages(file, packages, kind, result);
        }
        else if (root.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            var declared = DirectNamesFromSibling(file);
            ParseV1(file, deps, kind, declared, [], result);
            result.Projects.Add(V1Project(file, root, deps, declared));
        }
        else
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, 1, "Lockfile has neither 'packages' nor 'dependencies'."));
        }
    }

    private static void ParsePackages(ManifestFile file, JsonElement packages, string kind, ParseResult result)
    {
        var direct = new HashSet<string>(StringComparer.Ordinal);
        var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var entry in packages.EnumerateObject()) entries.TryAdd(entry.Name, entry.Value);
        foreach (var entry in packages.EnumerateObject())
        {
            if (entry.Name.Contains(NodeModules, StringComparison.Ordinal)) continue;
            // The root ("") and workspace folders: their declared dependencies are the direct ones.
            foreach (var section in new[] { "dependencies", "devDependencies", "optionalDependencies" })
            {
                foreach (var dep in entry.Value.ObjectProperties(section)) direct.Add(dep.Name);
            }
            result.Projects.Add(LockedProject(file, entries, entry.Name, entry.Value));
        }
        foreach (var entry in packages.EnumerateObject())
        {
            var at = entry.Name.LastIndexOf(NodeModules, StringComparison.Ordinal);
            if (at < 0) continue;
            var value = entry.Value;
            if (value.GetFlag("link")) continue;
            var name = value.GetString("name") ?? entry.Name[(at + NodeModules.Length)..];
            var version = value.GetString("version");
            var line = file.Lines.Find($"\"{entry.Name}\"");
            if (version is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Entry '{entry.Name}' has no version."));
                continue;
            }
            var scope = value.GetFlag("dev") ? DependencyScope.Development
                : value.GetFlag("devOptional") ? DependencyScope.Development
                : value.GetFlag("optional") ? DependencyScope.Optional
                : DependencyScope.Production;
            var topLevel = entry.Name.StartsWith(NodeModules, StringComparison.Ordinal) && entry.Name.IndexOf(NodeModules, NodeModules.Length, StringComparison.Ordinal) < 0;
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.Npm,
                Name = name,
                Version = version,
                Direct = topLevel && direct.Contains(entry.Name[NodeModules.Length..]),
                Scope = scope,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = kind,
                FromLockfile = true,
                DependsOn = Edges(entries, entry.Name, value, EntrySections),
                Hashes = Integrity.FromSri(value.GetString("integrity")),
                License = LicenseText(value),
            });
        }
    }

    // What npm installs for an entry: a package's own dev dependencies are not installed, a project's are.
    private static readonly string[] EntrySections = ["dependencies", "optionalDependencies", "peerDependencies"];
    private static readonly string[] ProjectSections = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

    /// <summary>The root entry ("") or a workspace folder's entry, as the project it describes.</summary>
    private static ProjectRecord LockedProject(ManifestFile file, Dictionary<string, JsonElement> entries, string path, JsonElement value)
    {
        var folder = DependencyFolder(file.RelativePath);
        return new ProjectRecord
        {
            Ecosystem = Ecosystem.Npm,
            ManifestPath = path.Length == 0 ? file.RelativePath : Join(Join(folder, path), "package.json"),
            Name = value.GetString("name") ?? (path.Length == 0 ? null : path[(path.LastIndexOf('/') + 1)..]),
            Version = value.GetString("version"),
            License = LicenseText(value),
            FromLockfile = true,
            DependsOn = Edges(entries, path, value, ProjectSections),
        };
    }

    /// <summary>
    /// An entry's dependencies resolved as Node does: the nearest <c>node_modules/NAME</c> from the entry's folder up to the
    /// root. A link (a workspace package) resolves to the folder it points at. A dependency the lockfile does not hold
    /// (an optional one for another platform, an unmet peer) has no edge.
    /// </summary>
    private static List<PackageRef> Edges(Dictionary<string, JsonElement> entries, string path, JsonElement value, string[] sections)
    {
        var edges = new List<PackageRef>();
        foreach (var section in sections)
        {
            foreach (var dep in value.ObjectProperties(section))
            {
                if (Resolve(entries, path, dep.Name) is not { } target) continue;
                var (targetPath, targetValue) = target;
                if (targetValue.GetFlag("link") && targetValue.GetString("resolved") is { } linked && entries.TryGetValue(linked, out var workspace))
                {
                    (targetPath, targetValue) = (linked, workspace);
                }
                var name = targetValue.GetString("name") ?? NameFromPath(targetPath);
                if (targetValue.GetString("version") is { } version)
                {
                    var edge = new PackageRef(name, version);
                    if (!edges.Contains(edge)) edges.Add(edge);
                }
            }
        }
        return edges;
    }

    private static string NameFromPath(string path)
    {
        var at = path.LastIndexOf(NodeModules, StringComparison.Ordinal);
        return at >= 0 ? path[(at + NodeModules.Length)..] : path[(path.LastIndexOf('/') + 1)..];
    }

    private static (string Path, JsonElement Value)? Resolve(Dictionary<string, JsonElement> entries, string from, string name)
    {
        var folder = from;
        while (true)
        {
            var candidate = (folder.Length == 0 ? "" : folder + "/") + NodeModules + name;
            if (entries.TryGetValue(candidate, out var found)) return (candidate, found);
            if (folder.Length == 0) return null;
            var nested = folder.LastIndexOf("/" + NodeModules, StringComparison.Ordinal);
            var slash = folder.LastIndexOf('/');
            folder = nested >= 0 ? folder[..nested]
                : folder.StartsWith(NodeModules, StringComparison.Ordinal) || slash < 0 ? ""
                : folder[..slash];
        }
    }

    /// <summary>The licence as npm records it: a string (an SPDX expression), or the old <c>{ "type": "MIT" }</c> form.</summary>
    internal static string? LicenseText(JsonElement value) =>
        value.GetString("license")
        ?? (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("license", out var license) ? license.GetString("type") : null);

    private static string DependencyFolder(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath[..slash];
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    /// <param name="scopes">The <c>dependencies</c> objects enclosing <paramref name="deps"/>, outermost first: where a <c>requires</c> name resolves.</param>
    private static void ParseV1(ManifestFile file, JsonElement deps, string kind, HashSet<string> declared, List<JsonElement> scopes, ParseResult result)
    {
        var topLevel = scopes.Count == 0;
        var inScope = new List<JsonElement>(scopes) { deps };
        foreach (var dep in deps.EnumerateObject())
        {
            var value = dep.Value;
            var version = value.GetString("version");
            var line = file.Lines.Find($"\"{dep.Name}\": {{");
            if (version is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Dependency '{dep.Name}' has no version."));
                continue;
            }
            var (name, resolvedVersion) = V1Identity(dep.Name, version);
            var nested = value.TryGetProperty("dependencies", out var n) && n.ValueKind == JsonValueKind.Object ? n : (JsonElement?)null;
            var own = nested is { } inner ? new List<JsonElement>(inScope) { inner } : inScope;
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.Npm,
                Name = name,
                Version = resolvedVersion,
                Direct = topLevel && declared.Contains(dep.Name),
                Scope = value.GetFlag("dev") ? DependencyScope.Development
                    : value.GetFlag("optional") ? DependencyScope.Optional
                    : DependencyScope.Production,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = kind,
                FromLockfile = true,
                DependsOn = [.. value.ObjectProperties("requires").Select(r => ResolveV1(own, r.Name)).OfType<PackageRef>().Distinct()],
                Hashes = Integrity.FromSri(value.GetString("integrity")),
            });
            if (nested is { } children) ParseV1(file, children, kind, declared, inScope, result);
        }
    }

    /// <summary>The root of a v1 lockfile as its project: the top-level entries its package.json declares.</summary>
    private static ProjectRecord V1Project(ManifestFile file, JsonElement root, JsonElement deps, HashSet<string> declared) => new()
    {
        Ecosystem = Ecosystem.Npm,
        ManifestPath = file.RelativePath,
        Name = root.GetString("name"),
        Version = root.GetString("version"),
        FromLockfile = true,
        DependsOn = [.. declared.Order(StringComparer.Ordinal).Select(d => ResolveV1([deps], d)).OfType<PackageRef>()],
    };

    // Node's lookup: the innermost enclosing dependencies object that holds the name.
    private static PackageRef? ResolveV1(List<JsonElement> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetProperty(name, out var entry) && entry.GetString("version") is { } version)
            {
                var (realName, realVersion) = V1Identity(name, version);
                return new PackageRef(realName, realVersion);
            }
        }
        return null;
    }

    private static (string Name, string Version) V1Identity(string key, string version) =>
        version.StartsWith("npm:", StringComparison.Ordinal) ? PackageJsonParser.ResolveAlias(key, version) : (key, version);

    private static HashSet<string> DirectNamesFromSibling(ManifestFile file)
    {
        var manifest = file.OpenSibling("package.json");
        if (manifest is null) return [];
        return [.. PackageJsonParser.ReadDeclared(manifest, new ParseResult()).Select(d => d.Name)];
    }
}
