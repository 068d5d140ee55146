namespace Muster.Runs.Config;

/// <summary>
/// Finds muster.yaml from the audited folder upward: the first folder holding one wins; the search stops at the git
/// root (a folder holding <c>.git</c>) or the filesystem root and never goes above the git root.
/// </summary>
public static class RepoConfigDiscovery
{
    /// <summary>The muster.yaml governing <paramref name="root"/>, or null; and the folder the committed files default to.</summary>
    public static (string? File, string Directory) Find(string root)
    {
        var start = Path.GetFullPath(root);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RepoConfig.FileName);
            if (File.Exists(candidate)) return (candidate, dir.FullName);
            if (IsGitRoot(dir.FullName)) return (null, dir.FullName);
        }
        return (null, start);
    }

    /// <summary>The audited root's config: <paramref name="explicitFile"/> (<c>--config</c>) when given, else the one found.</summary>
    /// <exception cref="FileNotFoundException">The explicit file does not exist.</exception>
    /// <exception cref="RepoConfigException">The file has errors.</exception>
    public static RepoConfig Load(string root, string? explicitFile, Muster.Agents.AgentRegistry registry)
    {
        if (explicitFile is not null)
        {
            var full = Path.GetFullPath(explicitFile);
            if (!File.Exists(full)) throw new FileNotFoundException($"config file '{explicitFile}' not found; 'muster init' writes a commented {RepoConfig.FileName}", full);
            return new RepoConfigParser(registry).ParseFile(full);
        }
        var (file, directory) = Find(root);
        return file is null ? RepoConfig.Defaults(directory) : new RepoConfigParser(registry).ParseFile(file);
    }

    private static bool IsGitRoot(string dir)
    {
        var git = Path.Combine(dir, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }
}
