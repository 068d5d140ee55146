using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Versions;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Dependencies;

/// <summary>
/// Findings about how dependencies are declared: unpinned application dependencies, one package at different
/// versions across the workspace's projects, and manifests out of sync with the lockfile beside them.
/// </summary>
internal static class HygieneChecks
{
    public const string Category = "dependencies";

    public static IEnumerable<Finding> Run(DependencyInventory inventory)
    {
        var packages = inventory.Packages;
        var lockedFolders = packages.Where(p => p.FromLockfile)
            .Select(p => (p.Ecosystem, DependencyInventory.Folder(p.ManifestPath))).ToHashSet();
        return Unpinned(packages, lockedFolders).Concat(Conflicts(packages)).Concat(OutOfSync(packages));
    }

    private static IEnumerable<Finding> Unpinned(IReadOnlyList<PackageRecord> packages, HashSet<(Ecosystem, string)> lockedFolders)
    {
        foreach (var p in packages.Where(p => !p.FromLockfile && p.Version is null && p.Range is not null))
        {
            var reason = UnpinnedReason(p);
            if (reason is null) continue;
            var locked = DependencyInventory.FolderAndAncestors(DependencyInventory.Folder(p.ManifestPath)).Any(f => lockedFolders.Contains((p.Ecosystem, f)));
            var severity = p.Scope == DependencyScope.Development || locked ? Severity.Low : Severity.Medium;
            yield return new Finding
            {
                RuleId = "DEP-UNPINNED",
                Title = $"Unpinned dependency {p.Name} ({p.Range})",
                Severity = severity,
                Category = Category,
                Message = $"{p.Ecosystem.ToOsvName()} package '{p.Name}' is declared as '{p.Range}' in {p.ManifestPath}: {reason}." +
                          (locked ? " A lockfile (beside it or at its workspace root) pins what is installed today." : " No lockfile pins the installed version."),
                Location = new SourceLocation(p.ManifestPath, p.Line),
                Evidence = $"{p.Name} {p.Range}",
                Remediation = "Give the dependency an upper bound (or an exact pin) and commit a lockfile.",
            }.WithDefaultFingerprint($"{p.Ecosystem}/{DependencyInventory.NameKey(p.Ecosystem, p.Name)}");
        }
    }

    private static string? UnpinnedReason(PackageRecord p)
    {
        var range = p.Range!.Trim();
        if (range is "*" or "" or "x" or "X") return "any version at all may be installed";
        if (range == "latest") return "the 'latest' tag installs whatever was published last";
        var scheme = VersionSchemes.For(p.Ecosystem);
        // NuGet restore takes the lowest version a range allows, so only floating versions drift.
        if (p.Ecosystem == Ecosystem.NuGet)
        {
            return range.Contains('*') ? "a floating version restores whatever newest release matches" : null;
        }
        return scheme.TryParseRange(range, out var parsed, out _) && parsed.IsUnbounded
            ? "the requirement has no upper bound, so any future major release may be installed"
            : null;
    }

    private static IEnumerable<Finding> Conflicts(IReadOnlyList<PackageRecord> packages)
    {
        // One concrete version per project folder for each direct dependency. Test fixtures (a package manager's own
        // fixture projects, pinned to old versions on purpose) are never installed with the project.
        var direct = packages.Where(p => p.Direct && p.Version is not null && PathContext.Of(p.ManifestPath) != PathContext.Test)
            .GroupBy(p => (p.Ecosystem, Name: DependencyInventory.NameKey(p.Ecosystem, p.Name)));
        foreach (var group in direct)
        {
            var scheme = VersionSchemes.For(group.Key.Ecosystem);
            var byFolder = group.GroupBy(p => DependencyInventory.Folder(p.ManifestPath))
                .Select(f => f.OrderByDescending(p => p.FromLockfile).First()).ToList();
            var versions = DistinctVersions(byFolder.Select(p => p.Version!), scheme);
            if (versions.Count < 2) continue;
            var first = byFolder.OrderBy(p => p.ManifestPath, StringComparer.Ordinal).First();
            var listing = string.Join("; ", byFolder.OrderBy(p => p.ManifestPath, StringComparer.Ordinal).Select(p => $"{p.ManifestPath}:{p.Line} = {p.Version}"));
            var production = byFolder.Any(p => p.Scope == DependencyScope.Production);
            yield return new Finding
            {
                RuleId = "DEP-VERSION-CONFLICT",
                Title = $"{first.Name} is used at {versions.Count} different versions across projects",
                Severity = production ? Severity.Medium : Severity.Low,
                Category = Category,
                Message = $"{group.Key.Ecosystem.ToOsvName()} package '{first.Name}' is a direct dependency at versions {string.Join(", ", versions)} in one workspace: {listing}.",
                Location = new SourceLocation(first.ManifestPath, first.Line),
                Evidence = listing,
                Remediation = "Align the projects on one version (a shared constraints file, Directory.Packages.props or workspace-level lockfile).",
            }.WithDefaultFingerprint($"{group.Key.Ecosystem}/{group.Key.Name}");
        }
    }

    private static IEnumerable<Finding> OutOfSync(IReadOnlyList<PackageRecord> packages)
    {
        var locks = packages.Where(p => p.FromLockfile)
            .ToLookup(p => (p.Ecosystem, DependencyInventory.Folder(p.ManifestPath), DependencyInventory.NameKey(p.Ecosystem, p.Name)));
        var lockFiles = packages.Where(p => p.FromLockfile)
            .GroupBy(p => (p.Ecosystem, DependencyInventory.Folder(p.ManifestPath)))
            .ToDictionary(g => g.Key, g => g.Select(p => p.ManifestPath).Distinct().Order(StringComparer.Ordinal).ToList());
        foreach (var p in packages.Where(p => !p.FromLockfile && p.Range is not null))
        {
            var folder = DependencyInventory.Folder(p.ManifestPath);
            if (!lockFiles.TryGetValue((p.Ecosystem, folder), out var lockPaths)) continue;
            var scheme = VersionSchemes.For(p.Ecosystem);
            if (!scheme.TryParseRange(p.Range!, out var range, out _)) continue;
            var locked = locks[(p.Ecosystem, folder, DependencyInventory.NameKey(p.Ecosystem, p.Name))].ToList();
            var lockNames = string.Join(", ", lockPaths);
            if (locked.Count == 0)
            {
                // Some lockers lock only the extras asked for (pdm's lock groups): an unlocked extra is a gap, not drift.
                yield return p.Scope == DependencyScope.Optional
                    ? SyncFinding(p, $"Optional '{p.Name}' ({p.Range}) is declared in {p.ManifestPath} but not in {lockNames}: an install with that extra resolves it afresh.", lockNames) with { Severity = Severity.Low }
                    : SyncFinding(p, $"'{p.Name}' ({p.Range}) is declared in {p.ManifestPath} but missing from {lockNames}; the next install resolves it afresh.", lockNames);
                continue;
            }
            if (locked.Any(l => l.Version is { } v && scheme.IsValid(v) && scheme.Satisfies(range, v))) continue;
            var versions = string.Join(", ", locked.Select(l => l.Version).Distinct());
            yield return SyncFinding(p, $"'{p.Name}' is declared as '{p.Range}' in {p.ManifestPath} but {lockNames} locks {versions}, which does not satisfy it.", lockNames);
        }
    }

    private static Finding SyncFinding(PackageRecord p, string message, string lockNames) => new Finding
    {
        RuleId = "DEP-LOCK-OUT-OF-SYNC",
        Title = $"Manifest and lockfile disagree about {p.Name}",
        Severity = Severity.Medium,
        Category = Category,
        Message = message,
        Location = new SourceLocation(p.ManifestPath, p.Line),
        Evidence = $"{p.Name} {p.Range}",
        Remediation = $"Re-run the package manager's install/lock command so {lockNames} matches the manifest, and commit both.",
    }.WithDefaultFingerprint($"{p.Ecosystem}/{DependencyInventory.NameKey(p.Ecosystem, p.Name)}");

    // Versions that compare equal can be spelled differently (1.0 and 1.0.0): sort by the scheme, collapse neighbours.
    private static List<string> DistinctVersions(IEnumerable<string> versions, IVersionScheme scheme)
    {
        var unique = versions.Distinct(StringComparer.Ordinal).ToList();
        var valid = unique.Where(scheme.IsValid).OrderBy(v => v, Comparer<string>.Create(scheme.Compare)).ToList();
        var result = new List<string>();
        foreach (var v in valid)
        {
            if (result.Count == 0 || scheme.Compare(result[^1], v) != 0) result.Add(v);
        }
        result.AddRange(unique.Where(v => !scheme.IsValid(v)));
        return result;
    }
}
