using Muster.Workspace;

namespace Muster.Bench;

/// <summary>
/// Copies real trees nobody here wrote into a scratch folder: the Python standard library, the .NET SDK and the
/// working trees of a few cloned open-source repositories (several times over, for a source tree of a few hundred
/// MB). Folders the secrets agent never enters (<see cref="WalkOptions.DefaultSkippedDirectories"/>: .git,
/// __pycache__, node_modules, bin...) and symbolic links are not copied, so both tools see the same files.
/// </summary>
internal static class SecretsRealTrees
{
    public sealed record Tree(string Name, string Path, int Files, long Bytes);

    public static IReadOnlyList<Tree> Build(string dir, IReadOnlyList<string> sourceRepos, int copies)
    {
        var trees = new List<Tree>();
        var stdlib = System.IO.Path.Combine(dir, "stdlib");
        foreach (var python in Directory.GetDirectories("/usr/lib", "python3*").Order(StringComparer.Ordinal))
            Copy(python, System.IO.Path.Combine(stdlib, System.IO.Path.GetFileName(python)));
        if (Directory.Exists(stdlib)) trees.Add(Measure("python-stdlib", stdlib));

        var dotnet = DotnetRoot();
        if (dotnet is not null)
        {
            var sdk = System.IO.Path.Combine(dir, "dotnet-sdk");
            Copy(dotnet, sdk);
            trees.Add(Measure("dotnet-sdk", sdk));
        }

        var source = System.IO.Path.Combine(dir, "real-source");
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var repo in sourceRepos.Where(Directory.Exists))
                Copy(repo, System.IO.Path.Combine(source, $"copy{copy}", System.IO.Path.GetFileName(repo.TrimEnd('/'))));
        }
        if (Directory.Exists(source)) trees.Add(Measure("real-source", source));
        return trees;
    }

    public static Tree Measure(string name, string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        return new Tree(name, root, files.Count, files.Sum());
    }

    private static string? DotnetRoot()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(p => System.IO.Path.Combine(p, "dotnet")).FirstOrDefault(File.Exists);
        if (onPath is null) return Directory.Exists("/usr/share/dotnet") ? "/usr/share/dotnet" : null;
        var resolved = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
        return System.IO.Path.GetDirectoryName(resolved);
    }

    private static void Copy(string from, string to)
    {
        var pending = new Stack<(string From, string To)>();
        pending.Push((from, to));
        while (pending.Count > 0)
        {
            var (source, target) = pending.Pop();
            Directory.CreateDirectory(target);
            foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null) continue;
                var destination = System.IO.Path.Combine(target, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (!WalkOptions.DefaultSkippedDirectories.Contains(entry.Name)) pending.Push((entry.FullName, destination));
                }
                else if (entry is FileInfo file)
                {
                    try
                    {
                        file.CopyTo(destination, overwrite: true);
                    }
                    catch (UnauthorizedAccessException)
                    {
                        // An unreadable file in a system folder is left out; both tools see the same copy.
                    }
                }
            }
        }
    }
}
