namespace Muster.Agents.Imports.Python;

/// <summary>
/// The generated import-name → distribution table (<c>python-import-names.tsv</c>, built by
/// <c>scripts/generate-python-import-table.py</c> from Debian's package contents index and installed environments;
/// its header names the source and date). Loaded once, on first use. Keys may be dotted portions of namespace packages.
/// </summary>
internal sealed class PythonImportTable
{
    public const string ResourceName = "python-import-names.tsv";

    private static readonly Lazy<PythonImportTable> Shared = new(Load);

    private readonly Dictionary<string, string[]> _distributions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _importNames = new(StringComparer.Ordinal);

    public static PythonImportTable Instance => Shared.Value;

    public int Count => _distributions.Count;

    /// <summary>Distributions providing exactly <paramref name="importName"/> (dotted for namespace portions); empty when unknown.</summary>
    public IReadOnlyList<string> DistributionsOf(string importName) => _distributions.TryGetValue(importName, out var d) ? d : [];

    /// <summary>Import names a distribution provides (normalised name in); empty when the table does not know it.</summary>
    public IReadOnlyList<string> ImportNamesOf(string normalizedDistribution) =>
        _importNames.TryGetValue(normalizedDistribution, out var names) ? names : [];

    public static PythonImportTable Parse(TextReader reader)
    {
        var table = new PythonImportTable();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            var name = tab < 0 ? line : line[..tab];
            var distributions = tab < 0 ? [name.Replace('.', '-')] : line[(tab + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
            table._distributions[name] = distributions;
            foreach (var distribution in distributions)
            {
                var key = PythonDistributionNames.Normalize(distribution);
                if (!table._importNames.TryGetValue(key, out var names)) table._importNames[key] = names = [];
                names.Add(name);
            }
        }
        return table;
    }

    private static PythonImportTable Load()
    {
        using var stream = typeof(PythonImportTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
