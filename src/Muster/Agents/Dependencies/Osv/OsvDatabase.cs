using System.IO.Compression;
using System.Text.Json;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>
/// An offline OSV export: a folder of advisory JSON files and/or per-ecosystem <c>all.zip</c> archives. Real exports
/// are hundreds of MB, so the database is read in one streaming pass that parses one document at a time and keeps
/// only advisories naming a package of the inventory; nothing else stays in memory.
/// </summary>
internal sealed class OsvDatabase
{
    private readonly Dictionary<(Ecosystem, string), List<OsvAdvisory>> _byPackage = [];

    public int DocumentsRead { get; private set; }
    public int AdvisoriesKept { get; private set; }
    public List<string> Errors { get; } = [];

    public static string Key(Ecosystem ecosystem, string name) => ecosystem switch
    {
        Ecosystem.PyPI => Pep503.Normalize(name),
        Ecosystem.NuGet => name.ToLowerInvariant(),
        _ => name,
    };

    public IReadOnlyList<OsvAdvisory> For(Ecosystem ecosystem, string name) =>
        _byPackage.GetValueOrDefault((ecosystem, Key(ecosystem, name))) ?? (IReadOnlyList<OsvAdvisory>)[];

    /// <summary>Loads the advisories that concern any of <paramref name="wanted"/> (ecosystem, <see cref="Key"/>).</summary>
    public static OsvDatabase Load(string path, IReadOnlySet<(Ecosystem, string)> wanted, CancellationToken cancellationToken)
    {
        var db = new OsvDatabase();
        if (File.Exists(path))
        {
            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) db.ReadZip(path, wanted, cancellationToken);
            else db.ReadFile(path, wanted);
        }
        else if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) db.ReadFile(file, wanted);
                else if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) db.ReadZip(file, wanted, cancellationToken);
            }
        }
        else
        {
            throw new FileNotFoundException($"OSV database '{path}' is neither a folder nor a file.");
        }
        return db;
    }

    private void ReadFile(string file, IReadOnlySet<(Ecosystem, string)> wanted)
    {
        try
        {
            using var stream = File.OpenRead(file);
            ReadDocument(stream, file, wanted);
        }
        catch (IOException e)
        {
            Errors.Add($"{file}: {e.Message}");
        }
    }

    private void ReadZip(string zipPath, IReadOnlySet<(Ecosystem, string)> wanted, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                using var stream = entry.Open();
                ReadDocument(stream, $"{zipPath}!{entry.FullName}", wanted);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Errors.Add($"{zipPath}: {e.Message}");
        }
    }

    private void ReadDocument(Stream stream, string source, IReadOnlySet<(Ecosystem, string)> wanted)
    {
        DocumentsRead++;
        try
        {
            using var doc = JsonDocument.Parse(stream);
            var keys = OsvReader.AffectedPackages(doc.RootElement)
                .Select(p => (Eco: EcosystemNames.FromOsvName(p.Ecosystem), p.Name))
                .Where(p => p.Eco is not null)
                .Select(p => (p.Eco!.Value, Key(p.Eco!.Value, p.Name)))
                .Where(wanted.Contains)
                .Distinct()
                .ToList();
            if (keys.Count == 0) return;
            var advisory = OsvReader.Read(doc.RootElement, source);
            if (advisory.Withdrawn) return;
            AdvisoriesKept++;
            foreach (var key in keys)
            {
                if (!_byPackage.TryGetValue(key, out var list)) _byPackage[key] = list = [];
                list.Add(advisory);
            }
        }
        catch (JsonException e)
        {
            Errors.Add($"{source}: {e.Message}");
        }
    }
}
