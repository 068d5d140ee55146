namespace Muster.Agents.Imports.Python;

/// <summary>
/// What a local virtualenv (<c>.venv</c>, <c>venv</c>, <c>env</c>) has installed: for each importable top-level name,
/// the distributions providing it, from <c>*.dist-info/top_level.txt</c> or, when absent, the paths in <c>RECORD</c>;
/// plus bare modules and packages lying in site-packages.
/// </summary>
internal sealed class InstalledDistributions
{
    public static readonly string[] VirtualenvFolderNames = [".venv", "venv", "env"];

    private readonly Dictionary<string, HashSet<string>> _providers = new(StringComparer.Ordinal);

    public string? Location { get; private init; }

    public bool IsEmpty => _providers.Count == 0;

    /// <summary>Normalised distribution names providing <paramref name="topLevel"/>; empty when not installed.</summary>
    public IReadOnlyCollection<string> Providers(string topLevel) =>
        _providers.TryGetValue(topLevel, out var set) ? set : [];

    public bool IsInstalled(string topLevel) => _providers.ContainsKey(topLevel);

    /// <summary>Top-level import names a distribution provides (normalised distribution name in).</summary>
    public IEnumerable<string> ImportNamesOf(string normalizedDistribution) =>
        _providers.Where(kv => kv.Value.Contains(normalizedDistribution)).Select(kv => kv.Key);

    public static InstalledDistributions Read(string projectDirectory)
    {
        foreach (var name in VirtualenvFolderNames)
        {
            var venv = Path.Combine(projectDirectory, name);
            if (!Directory.Exists(venv) || new DirectoryInfo(venv).LinkTarget is not null) continue;
            foreach (var sitePackages in SitePackagesFolders(venv))
            {
                var installed = new InstalledDistributions { Location = sitePackages };
                installed.Load(sitePackages);
                if (!installed.IsEmpty) return installed;
            }
        }
        return new InstalledDistributions();
    }

    private static IEnumerable<string> SitePackagesFolders(string venv)
    {
        var lib = Path.Combine(venv, "lib");
        if (Directory.Exists(lib))
        {
            foreach (var python in Directory.EnumerateDirectories(lib, "python*").Order(StringComparer.Ordinal))
            {
                var site = Path.Combine(python, "site-packages");
                if (Directory.Exists(site)) yield return site;
            }
        }
        var windows = Path.Combine(venv, "Lib", "site-packages");
        if (Directory.Exists(windows)) yield return windows;
    }

    private void Load(string sitePackages)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(sitePackages).EnumerateFileSystemInfos())
            {
                if (entry.Name.EndsWith(".dist-info", StringComparison.Ordinal) && entry is DirectoryInfo info) LoadDistInfo(info);
                else if (entry is DirectoryInfo dir && !dir.Name.Contains('.') && dir.Name != "__pycache__") Add(dir.Name, "");
                else if (entry is FileInfo file && file.Extension is ".py" or ".so" or ".pyd") Add(file.Name.Split('.')[0], "");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable site-packages simply adds nothing: imports then fall back to the manifests.
        }
    }

    private void LoadDistInfo(DirectoryInfo info)
    {
        var distribution = PythonDistributionNames.Normalize(DistributionName(info));
        var topLevel = Path.Combine(info.FullName, "top_level.txt");
        var record = Path.Combine(info.FullName, "RECORD");
        if (File.Exists(topLevel))
        {
            foreach (var line in File.ReadLines(topLevel))
            {
                var name = line.Trim().Replace('/', '.').Split('.')[0];
                if (name.Length > 0) Add(name, distribution);
            }
        }
        else if (File.Exists(record))
        {
            foreach (var line in File.ReadLines(record))
            {
                var path = line.Split(',')[0];
                var first = path.Split('/')[0];
                if (first.Length == 0 || first.StartsWith("..", StringComparison.Ordinal) || first.EndsWith(".dist-info", StringComparison.Ordinal) ||
                    first.EndsWith(".data", StringComparison.Ordinal) || first == "__pycache__" || first.EndsWith(".pth", StringComparison.Ordinal))
                {
                    continue;
                }
                if (!path.Contains('/') && !(first.EndsWith(".py", StringComparison.Ordinal) || first.EndsWith(".so", StringComparison.Ordinal) || first.EndsWith(".pyd", StringComparison.Ordinal))) continue;
                Add(first.Split('.')[0], distribution);
            }
        }
    }

    /// <summary>The <c>Name:</c> header of METADATA, else the folder name before its version.</summary>
    private static string DistributionName(DirectoryInfo info)
    {
        var metadata = Path.Combine(info.FullName, "METADATA");
        if (File.Exists(metadata))
        {
            foreach (var line in File.ReadLines(metadata))
            {
                if (line.Length == 0) break;
                if (line.StartsWith("Name:", StringComparison.OrdinalIgnoreCase)) return line[5..].Trim();
            }
        }
        var stem = info.Name[..^".dist-info".Length];
        var dash = stem.IndexOf('-');
        return dash > 0 ? stem[..dash] : stem;
    }

    private void Add(string topLevel, string distribution)
    {
        if (!_providers.TryGetValue(topLevel, out var set)) _providers[topLevel] = set = new HashSet<string>(StringComparer.Ordinal);
        if (distribution.Length > 0) set.Add(distribution);
    }
}
