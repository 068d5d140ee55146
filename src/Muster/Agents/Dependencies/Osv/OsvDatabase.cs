using System.IO.Compression;
using System.Text.Json;
using Muster.Formats.Limits;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;
using Muster.Workspace;

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
    public static OsvDatabase Load(string path, IReadOnlySet<(Ecosystem, string)> wanted, CancellationToken cancellationToken) =>
        Load(path, wanted, stopAfterFirstDocument: false, cancellationToken);

    /// <summary>
    /// Null when at least one advisory document of the database at <paramref name="path"/> can be read (it stops
    /// there); else why none can: a missing, empty, truncated or hostile database must not pass for a clean check.
    /// </summary>
    public static string? WhyUnusable(string path)
    {
        try
        {
            var db = Load(path, new HashSet<(Ecosystem, string)>(), stopAfterFirstDocument: true, CancellationToken.None);
            if (db.DocumentsParsed > 0) return null;
            return db.Errors.Count > 0 ? string.Join("; ", db.Errors.Take(3)) : "it holds no .json advisory files";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static OsvDatabase Load(string path, IReadOnlySet<(Ecosystem, string)> wanted, bool stopAfterFirstDocument, CancellationToken cancellationToken)
    {
        var db = new OsvDatabase { _stopAfterFirst = stopAfterFirstDocument };
        if (File.Exists(path))
        {
            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) db.ReadZip(path, wanted, cancellationToken);
            else db.ReadFile(path, wanted);
        }
        else if (Directory.Exists(path))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in Directory.EnumerateFiles(path, "*", options).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (db.Done) break;
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

    private bool _stopAfterFirst;

    /// <summary>Documents that parsed as JSON (whether or not they named a wanted package).</summary>
    public int DocumentsParsed { get; private set; }

    private bool Done => _stopAfterFirst && DocumentsParsed > 0;

    private void ReadFile(string file, IReadOnlySet<(Ecosystem, string)> wanted)
    {
        try
        {
            BoundedRead.Check(file, InputLimits.OsvMaxDocumentBytes);
            using var stream = File.OpenRead(file);
            ReadDocument(stream, file, wanted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Errors.Add($"{file}: {e.Message}");
        }
    }

    private void ReadZip(string zipPath, IReadOnlySet<(Ecosystem, string)> wanted, CancellationToken cancellationToken)
    {
        try
        {
            BoundedRead.Check(zipPath, InputLimits.OsvMaxArchiveBytes);
            var declared = ZipDirectory.EntryCount(zipPath) ?? throw new InvalidDataException("not a zip archive, or truncated (no end of central directory)");
            if (declared > InputLimits.OsvMaxArchiveEntries)
            {
                throw new InvalidDataException($"{declared:N0} entries, over the {InputLimits.OsvMaxArchiveEntries:N0}-entry budget; not read");
            }
            using var zip = ZipFile.OpenRead(zipPath);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Done) break;
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                var source = $"{zipPath}!{entry.FullName}";
                if (entry.Length > InputLimits.OsvMaxDocumentBytes)
                {
                    Errors.Add($"{source}: {entry.Length:N0} bytes uncompressed, over the {InputLimits.OsvMaxDocumentBytes:N0}-byte budget; not read");
                    continue;
                }
                total += entry.Length;
                if (total > InputLimits.OsvMaxArchiveUncompressedBytes)
                {
                    Errors.Add($"{zipPath}: more than {InputLimits.OsvMaxArchiveUncompressedBytes:N0} bytes uncompressed; the rest is not read");
                    break;
                }
                try
                {
                    using var stream = new BoundedStream(entry.Open(), InputLimits.OsvMaxDocumentBytes, source);
                    ReadDocument(stream, source, wanted);
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    Errors.Add($"{source}: {e.Message}");
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or OverflowException or NotSupportedException or ArgumentException)
        {
            Errors.Add($"{zipPath}: {e.Message}");
        }
    }

    private void ReadDocument(Stream stream, string source, IReadOnlySet<(Ecosystem, string)> wanted)
    {
        DocumentsRead++;
        try
        {
            using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = InputLimits.JsonMaxDepth });
            DocumentsParsed++;
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
