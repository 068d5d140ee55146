using System.Globalization;
using Muster.Formats.Packages.Model;
using Muster.Formats.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// pnpm-lock.yaml, lockfile versions 5.x to 9.0. Entries are classified by walking from the importers' sections
/// (pnpm v9 no longer writes <c>dev:</c> flags, so the walk is the one rule that works for every version). Package
/// keys are normalised to <c>name@version(peers)</c>: v5 writes <c>/name/1.0.0_peer</c>, v6 <c>/name@1.0.0(peer)</c>,
/// v9 <c>name@1.0.0(peer)</c>; dependency lists in v9 live under <c>snapshots</c>.
/// </summary>
internal sealed class PnpmLockParser : IManifestParser
{
    private static readonly (string Section, DependencyScope Scope)[] Sections =
    [
        ("dependencies", DependencyScope.Production),
        ("optionalDependencies", DependencyScope.Optional),
        ("devDependencies", DependencyScope.Development),
    ];

    public bool Matches(string fileName) => fileName == "pnpm-lock.yaml";

    public void Parse(ManifestFile file, ParseResult result)
    {
        YamlMappingNode root;
        try
        {
            if (string.IsNullOrWhiteSpace(file.Text)) return; // an empty lockfile locks nothing
            var stream = BoundedYaml.Load(file.Text);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, 1, "Expected a YAML mapping."));
                return;
            }
            root = mapping;
        }
        catch (YamlException e)
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, (int)Math.Max(1, e.Start.Line), BoundedYaml.Describe(e)));
            return;
        }

        var versionText = Scalar(root, "lockfileVersion") ?? "5";
        var lockVersion = double.TryParse(versionText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 5;
        var v5 = lockVersion < 6;
        var graph = new LockGraph();
        var local = new HashSet<LockGraph.Node>();
        var packages = Mapping(root, "packages");
        var snapshots = Mapping(root, "snapshots");
        foreach (var (keyNode, valueNode) in Entries(packages))
        {
            var key = NormalizeKey(((YamlScalarNode)keyNode).Value ?? "", v5);
            var (name, version) = SplitKey(key);
            // Packages not from the registry (git, a tarball URL, file:) have their real name and version as fields.
            if (valueNode is YamlMappingNode meta)
            {
                name = Scalar(meta, "name") ?? name;
                version = Scalar(meta, "version") ?? version;
            }
            var node = graph.Add(name, version, (int)keyNode.Start.Line, [key]);
            if (version.StartsWith("file:", StringComparison.Ordinal) || version.StartsWith("link:", StringComparison.Ordinal)) local.Add(node);
            if (valueNode is YamlMappingNode entry && entry.Children.TryGetValue(new YamlScalarNode("resolution"), out var resolution) && resolution is YamlMappingNode r)
            {
                node.Hashes = Integrity.FromSri(Scalar(r, "integrity"));
                // A folder of this repository (file:packages/x): its own manifest is audited, it is no third-party package.
                if (Scalar(r, "type") == "directory" || Scalar(r, "directory") is not null) local.Add(node);
            }
            if (snapshots is null) AddDependencies(node, valueNode as YamlMappingNode, v5);
        }
        foreach (var (keyNode, valueNode) in Entries(snapshots))
        {
            var key = NormalizeKey(((YamlScalarNode)keyNode).Value ?? "", v5);
            var node = graph.Find(key) ?? graph.Find(StripPeers(key));
            if (node is null) continue;
            graph.Alias(key, node);
            AddDependencies(node, valueNode as YamlMappingNode, v5);
        }

        var roots = new List<(string, DependencyScope)>();
        var importerRoots = new List<(string Path, List<string> Keys)>();
        var importers = Mapping(root, "importers");
        IEnumerable<(string Path, YamlMappingNode Node)> projects = importers is not null
            ? importers.Children.Where(c => c.Value is YamlMappingNode).Select(c => (((YamlScalarNode)c.Key).Value ?? ".", (YamlMappingNode)c.Value))
            : [(".", root)];
        foreach (var (path, project) in projects)
        {
            var own = new List<string>();
            foreach (var (section, scope) in Sections)
            {
                foreach (var (depKey, depValue) in Entries(Mapping(project, section)))
                {
                    var depName = ((YamlScalarNode)depKey).Value ?? "";
                    var reference = depValue is YamlMappingNode m ? Scalar(m, "version") : (depValue as YamlScalarNode)?.Value;
                    if (reference is null) continue;
                    roots.Add((ReferenceKey(depName, reference, v5), scope));
                    own.Add(ReferenceKey(depName, reference, v5));
                }
            }
            importerRoots.Add((path, own));
        }
        graph.Classify(roots);
        foreach (var (path, keys) in importerRoots) result.Projects.Add(graph.Project(Ecosystem.Npm, ImporterManifest(file.RelativePath, path), keys));

        var kind = $"pnpm-lock.yaml v{versionText}";
        foreach (var node in graph.Nodes)
        {
            if (node.Version.Length == 0 || local.Contains(node)) continue;
            result.Packages.Add(node.ToRecord(Ecosystem.Npm, file, kind));
        }
    }

    // An importer is a folder relative to the lockfile's ("." for the lockfile's own project).
    private static string ImporterManifest(string lockfilePath, string importer)
    {
        if (importer is "." or "") return lockfilePath;
        var slash = lockfilePath.LastIndexOf('/');
        return (slash < 0 ? "" : lockfilePath[..(slash + 1)]) + importer.TrimEnd('/') + "/package.json";
    }

    private static void AddDependencies(LockGraph.Node node, YamlMappingNode? entry, bool v5)
    {
        if (entry is null) return;
        foreach (var section in new[] { "dependencies", "optionalDependencies" })
        {
            foreach (var (depKey, depValue) in Entries(Mapping(entry, section)))
            {
                if (depValue is YamlScalarNode { Value: { } reference })
                {
                    node.DependencyKeys.Add(ReferenceKey(((YamlScalarNode)depKey).Value ?? "", reference, v5));
                }
            }
        }
    }

    // A reference is a version ("1.2.3(peer@1)"), or a full key for aliases ("/@x/y@1.0.0", "y@1.0.0"), or a link.
    private static string ReferenceKey(string name, string reference, bool v5)
    {
        if (reference.StartsWith('/')) return NormalizeKey(reference, v5);
        // A path key: a git-hosted package (github.com/user/repo/SHA) or, in v5, one from another registry. URLs, file:
        // and link: references stay NAME@REFERENCE, which is how v9 keys those packages.
        if (reference.Length > 0 && !char.IsAsciiDigit(reference[0]) && reference.Contains('/') && !reference.Contains(':'))
        {
            return NormalizeKey(reference, v5);
        }
        if (reference.Length > 0 && !char.IsAsciiDigit(reference[0]) && reference.IndexOf('@', 1) > 0) return reference;
        if (v5) reference = reference.Split('_')[0];
        return name + "@" + reference;
    }

    private static string NormalizeKey(string key, bool v5)
    {
        var k = key.StartsWith('/') ? key[1..] : key;
        if (!v5) return k;
        k = WithoutRegistryHost(k);
        var slash = k.LastIndexOf('/');
        if (slash <= 0) return k;
        return k[..slash] + "@" + k[(slash + 1)..].Split('_')[0];
    }

    /// <summary>
    /// v5 keys of packages from another registry start with its host: <c>registry.example.com/foo/1.0.0</c>,
    /// <c>registry.example.com/@scope/foo/1.0.0</c>. A dotted package name (<c>socket.io/2.0.4</c>) has one segment fewer;
    /// a git path (<c>github.com/user/repo/SHA</c>) keeps its host and takes its name from the entry's fields.
    /// </summary>
    private static string WithoutRegistryHost(string key)
    {
        var segments = key.Split('/');
        if (segments.Length < 3 || segments[0].StartsWith('@') || !segments[0].Contains('.')) return key;
        var hosted = segments.Length == 3 || (segments.Length == 4 && segments[1].StartsWith('@'));
        return hosted ? key[(segments[0].Length + 1)..] : key;
    }

    private static string StripPeers(string key)
    {
        var paren = key.IndexOf('(');
        return paren < 0 ? key : key[..paren];
    }

    private static (string Name, string Version) SplitKey(string key)
    {
        var plain = StripPeers(key);
        var at = plain.IndexOf('@', 1);
        return at < 0 ? (plain, "") : (plain[..at], plain[(at + 1)..]);
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? node) =>
        node?.Children ?? (IEnumerable<KeyValuePair<YamlNode, YamlNode>>)[];

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
