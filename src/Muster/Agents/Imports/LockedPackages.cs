using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;
using Muster.Workspace;

namespace Muster.Agents.Imports;

/// <summary>
/// The packages the tree's lockfiles resolve (uv.lock, poetry.lock, Pipfile.lock, package-lock.json, yarn.lock,
/// pnpm-lock.yaml), read with the shared parsers, by the folder holding each lockfile. A file is covered by the nearest
/// lockfile above it. For npm, whether undeclared packages are reachable depends on the installer: npm and yarn hoist
/// every package into node_modules, pnpm does not (unless .npmrc says <c>node-linker=hoisted</c> or
/// <c>shamefully-hoist=true</c>).
/// </summary>
internal sealed class LockedPackages
{
    private static readonly IReadOnlyList<IManifestParser> Parsers =
    [
        new UvLockParser(), new PoetryLockParser(), new PipfileLockParser(), new PackageLockParser(), new YarnLockParser(), new PnpmLockParser(),
    ];

    private readonly Dictionary<string, Lock> _python = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lock> _npm = new(StringComparer.Ordinal);

    /// <summary>One lockfile: its path, the names it resolves (normalised for PyPI), and whether undeclared packages are reachable.</summary>
    public sealed record Lock(string Path, IReadOnlySet<string> Names, bool Hoisted);

    public static bool IsLockfile(string fileName) => Parsers.Any(p => p.Matches(fileName));

    public void Read(WorkspaceFile file, PathProbe probe, List<(string, string)> errors)
    {
        var name = System.IO.Path.GetFileName(file.RelativePath);
        var parser = Parsers.FirstOrDefault(p => p.Matches(name));
        if (parser is null) return;
        string text;
        try
        {
            text = File.ReadAllText(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add((file.RelativePath, e.Message));
            return;
        }
        var result = new ParseResult();
        parser.Parse(new ManifestFile(file.RelativePath, file.FullPath, text), result);
        var directory = PathProbe.DirectoryOf(file.RelativePath);
        var python = result.Packages.Where(p => p.FromLockfile && p.Ecosystem == Ecosystem.PyPI)
            .Select(p => Python.PythonDistributionNames.Normalize(p.Name)).ToHashSet(StringComparer.Ordinal);
        var npm = result.Packages.Where(p => p.FromLockfile && p.Ecosystem == Ecosystem.Npm).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (python.Count > 0) Merge(_python, directory, new Lock(file.RelativePath, python, Hoisted: true));
        if (npm.Count > 0) Merge(_npm, directory, new Lock(file.RelativePath, npm, Hoisted: name != "pnpm-lock.yaml" || PnpmHoists(probe, directory)));
    }

    /// <summary>The nearest Python lockfile above <paramref name="directory"/>, or null.</summary>
    public Lock? PythonLockFor(string directory) => Nearest(_python, directory);

    /// <summary>The nearest npm lockfile above <paramref name="directory"/>, or null.</summary>
    public Lock? NpmLockFor(string directory) => Nearest(_npm, directory);

    private static Lock? Nearest(Dictionary<string, Lock> locks, string directory)
    {
        if (locks.Count == 0) return null;
        foreach (var folder in PathProbe.SelfAndAncestors(directory)) if (locks.TryGetValue(folder, out var found)) return found;
        return null;
    }

    private static void Merge(Dictionary<string, Lock> locks, string directory, Lock added)
    {
        if (!locks.TryGetValue(directory, out var existing)) { locks[directory] = added; return; }
        var names = new HashSet<string>(existing.Names, StringComparer.Ordinal);
        names.UnionWith(added.Names);
        locks[directory] = new Lock(existing.Path + ", " + added.Path, names, existing.Hoisted && added.Hoisted);
    }

    private static bool PnpmHoists(PathProbe probe, string directory)
    {
        var npmrc = probe.Full(PathProbe.Join(directory, ".npmrc"));
        try
        {
            if (!File.Exists(npmrc)) return false;
            var text = File.ReadAllText(npmrc).Replace(" ", "", StringComparison.Ordinal);
            return text.Contains("node-linker=hoisted", StringComparison.Ordinal) || text.Contains("shamefully-hoist=true", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
