using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// Lockfile entries linked by their dependency references. Lockfiles that do not flag dev packages (yarn, pnpm v9,
/// poetry ≥1.5, uv) are classified by walking from the project's production roots, then its dev roots: a package
/// reachable from production code is production; one reachable only from dev roots is development; one reachable
/// from neither stays unknown rather than guessed.
/// </summary>
internal sealed class LockGraph
{
    internal sealed class Node(LockGraph graph, string name, string version, int line)
    {
        public string Name { get; } = name;
        public string Version { get; } = version;
        public int Line { get; } = line;
        public List<string> DependencyKeys { get; } = [];
        public DependencyScope Scope { get; set; } = DependencyScope.Unknown;
        public bool Direct { get; set; }
        public IReadOnlyList<PackageHash> Hashes { get; set; } = [];
        public IReadOnlyList<PackageDistribution> Distributions { get; set; } = [];

        /// <summary>The entries this one's dependency keys resolve to (a key the lockfile does not hold is left out).</summary>
        public IReadOnlyList<PackageRef> Dependencies() =>
            DependencyKeys.Select(graph.Find).OfType<Node>().Where(n => n != this && n.Version.Length > 0)
                .Select(n => new PackageRef(n.Name, n.Version)).Distinct().ToList();

        /// <summary>The inventory record of this lockfile entry.</summary>
        public PackageRecord ToRecord(Ecosystem ecosystem, ManifestFile file, string kind) => new()
        {
            Ecosystem = ecosystem,
            Name = Name,
            Version = Version,
            Direct = Direct,
            Scope = Scope,
            ManifestPath = file.RelativePath,
            Line = Line,
            ManifestKind = kind,
            FromLockfile = true,
            DependsOn = Dependencies(),
            Hashes = Hashes,
            Distributions = Distributions,
        };
    }

    private readonly Dictionary<string, Node> _byKey = new(StringComparer.Ordinal);
    private readonly List<Node> _nodes = [];

    public IReadOnlyList<Node> Nodes => _nodes;

    public Node Add(string name, string version, int line, IEnumerable<string> keys)
    {
        var node = new Node(this, name, version, line);
        _nodes.Add(node);
        foreach (var key in keys) _byKey.TryAdd(key, node);
        return node;
    }

    /// <summary>The entries <paramref name="keys"/> resolve to, as edges (a project's direct dependencies).</summary>
    public List<PackageRef> Refs(IEnumerable<string> keys) =>
        keys.Select(Find).OfType<Node>().Where(n => n.Version.Length > 0).Select(n => new PackageRef(n.Name, n.Version)).Distinct().ToList();

    /// <summary>The project whose direct dependencies are <paramref name="keys"/>, as the lockfile at <paramref name="manifestPath"/> resolves them.</summary>
    public ProjectRecord Project(Ecosystem ecosystem, string manifestPath, IEnumerable<string> keys, string? name = null, string? version = null) => new()
    {
        Ecosystem = ecosystem,
        ManifestPath = manifestPath,
        Name = name,
        Version = version,
        FromLockfile = true,
        DependsOn = Refs(keys),
    };

    public void Alias(string key, Node node) => _byKey.TryAdd(key, node);

    public Node? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Marks roots (direct dependencies) and everything reachable from them, strongest scope first.</summary>
    public void Classify(IEnumerable<(string Key, DependencyScope Scope)> roots)
    {
        var ordered = roots.OrderBy(r => Rank(r.Scope)).ToList();
        foreach (var (key, _) in ordered)
        {
            if (Find(key) is { } node) node.Direct = true;
        }
        foreach (var scope in new[] { DependencyScope.Production, DependencyScope.Optional, DependencyScope.Development })
        {
            var queue = new Queue<Node>(ordered.Where(r => r.Scope == scope).Select(r => Find(r.Key)).OfType<Node>());
            while (queue.TryDequeue(out var node))
            {
                if (node.Scope != DependencyScope.Unknown && Rank(node.Scope) <= Rank(scope)) continue;
                node.Scope = scope;
                foreach (var dep in node.DependencyKeys)
                {
                    if (Find(dep) is { } next) queue.Enqueue(next);
                }
            }
        }
    }

    private static int Rank(DependencyScope scope) => scope switch
    {
        DependencyScope.Production => 0,
        DependencyScope.Optional => 1,
        DependencyScope.Development => 2,
        _ => 3,
    };
}
