using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Agents.Dependencies;

/// <summary>All packages found, deduplicated (an included requirements file is read once per includer), with counts.</summary>
internal sealed class DependencyInventory
{
    public DependencyInventory(IEnumerable<PackageRecord> records, IEnumerable<ProjectRecord>? projects = null)
    {
        Projects = [.. projects ?? []];
        Packages = records
            .GroupBy(r => (r.Ecosystem, r.Name, r.Version, r.Range, r.ManifestPath, r.Line))
            .Select(g => g.OrderBy(r => ScopeRank(r.Scope)).First())
            .OrderBy(r => r.Ecosystem).ThenBy(r => r.ManifestPath, StringComparer.Ordinal).ThenBy(r => r.Line)
            .ToList();
    }

    public IReadOnlyList<PackageRecord> Packages { get; }

    /// <summary>The projects the manifests describe (several per folder when several manifests or lockfiles describe it).</summary>
    public IReadOnlyList<ProjectRecord> Projects { get; }

    public static string Folder(string manifestPath)
    {
        var slash = manifestPath.LastIndexOf('/');
        return slash < 0 ? "" : manifestPath[..slash];
    }

    /// <summary>The folder and every ancestor up to the root (""), nearest first.</summary>
    public static IEnumerable<string> FolderAndAncestors(string folder)
    {
        var current = folder;
        while (true)
        {
            yield return current;
            if (current.Length == 0) yield break;
            var slash = current.LastIndexOf('/');
            current = slash < 0 ? "" : current[..slash];
        }
    }

    public static string NameKey(Ecosystem ecosystem, string name) => ecosystem switch
    {
        Ecosystem.PyPI => Pep503.Normalize(name),
        Ecosystem.NuGet => name.ToLowerInvariant(),
        _ => name,
    };

    /// <summary>Per ecosystem: distinct packages (name@version or name+range), direct ones, and manifests.</summary>
    public IReadOnlyList<EcosystemCount> Counts() =>
        Packages.GroupBy(p => p.Ecosystem).OrderBy(g => g.Key).Select(g => new EcosystemCount(
            g.Key,
            g.Select(p => (NameKey(p.Ecosystem, p.Name), p.Version ?? p.Range)).Distinct().Count(),
            g.Where(p => p.Direct).Select(p => NameKey(p.Ecosystem, p.Name)).Distinct().Count(),
            g.Where(p => p.Scope == DependencyScope.Development).Select(p => NameKey(p.Ecosystem, p.Name)).Distinct().Count(),
            g.Select(p => p.ManifestPath).Distinct().Count())).ToList();

    private static int ScopeRank(DependencyScope scope) => scope switch
    {
        DependencyScope.Production => 0,
        DependencyScope.Optional => 1,
        DependencyScope.Development => 2,
        _ => 3,
    };
}
