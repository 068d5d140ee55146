using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Muster.Formats.Limits;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;
using Muster.Workspace;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>
/// An offline OSV export: a folder of advisory JSON files, per-ecosystem <c>all.zip</c> archives, and/or files of one
/// record per line (JSON Lines, renovate's osv-offline NeDB files). Real exports are hundreds of MB, so the database is
/// read in one streaming pass that parses one document at a time and keeps only advisories naming a package of the
/// inventory; nothing else stays in memory.
/// </summary>
internal sealed class OsvDatabase
{
    private readonly Dictionary<(Ecosystem, string), List<OsvAdvisory>> _byPackage = [];

    public int DocumentsRead { get; private set; }
    public int AdvisoriesKept { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>Advisories per OSV ecosystem name as written in the data (<c>npm</c>, <c>PyPI</c>, <c>Go</c>...).</summary>
    public SortedDictionary<string, OsvEcosystemStats> Ecosystems { get; } = new(StringComparer.Ordinal);

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

    /// <summary>Reads every document of <paramref name="path"/> (none kept): the counts and errors of a whole export.</summary>
    public static OsvDatabase Survey(string path, CancellationToken cancellationToken) =>
        Load(path, new HashSet<(Ecosystem, string)>(), stopAfterFirstDocument: false, cancellationToken);

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
            return db.Errors.Count > 0 ? string.Join("; ", db.Errors.Take(3)) : NoAdvisoryFiles;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    public const string NoAdvisoryFiles = "it holds no OSV advisory files (.json documents, all.zip exports, .nedb or .jsonl record-per-line files)";

    private static OsvDatabase Load(string path, IReadOnlySet<(Ecosystem, string)> wanted, bool stopAfterFirstDocument, CancellationToken cancellationToken)
    {
        var db = new OsvDatabase { _stopAfterFirst = stopAfterFirstDocument, _wanted = wanted };
        if (File.Exists(path))
        {
            db.ReadFile(path, OsvFiles.Detect(path, named: true), cancellationToken);
        }
        else if (Directory.Exists(path))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in Directory.EnumerateFiles(path, "*", options).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (db.Done) break;
                db.ReadFile(file, OsvFiles.Detect(file, named: false), cancellationToken);
            }
        }
        else
        {
            throw new FileNotFoundException($"OSV database '{path}' is neither a folder nor a file.");
        }
        return db;
    }

    private bool _stopAfterFirst;
    private IReadOnlySet<(Ecosystem, string)> _wanted = new HashSet<(Ecosystem, string)>();

    /// <summary>Documents that parsed as JSON (whether or not they named a wanted package).</summary>
    public int DocumentsParsed { get; private set; }

    private bool Done => _stopAfterFirst && DocumentsParsed > 0;

    private void ReadFile(string file, OsvFileKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case OsvFileKind.Zip:
                ReadZip(file, cancellationToken);
                return;
            case OsvFileKind.Other:
                return;
        }
        try
        {
            BoundedRead.Check(file, kind == OsvFileKind.Lines ? InputLimits.OsvMaxArchiveUncompressedBytes : InputLimits.OsvMaxDocumentBytes);
            using var stream = File.OpenRead(file);
            if (kind == OsvFileKind.Lines) ReadLines(stream, file, cancellationToken);
            else ReadDocument(stream, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Errors.Add($"{file}: {e.Message}");
        }
    }

    private void ReadZip(string zipPath, CancellationToken cancellationToken)
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
                var lines = OsvFiles.IsLinesName(entry.FullName);
                if (!lines && !entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                var source = $"{zipPath}!{entry.FullName}";
                if (!lines && entry.Length > InputLimits.OsvMaxDocumentBytes)
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
                    using var stream = new BoundedStream(entry.Open(), lines ? InputLimits.OsvMaxArchiveUncompressedBytes - total + entry.Length : InputLimits.OsvMaxDocumentBytes, source);
                    if (lines) ReadLines(stream, source, cancellationToken);
                    else ReadDocument(stream, source);
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

    private void ReadDocument(Stream stream, string source)
    {
        DocumentsRead++;
        try
        {
            using var doc = JsonDocument.Parse(stream, DocumentOptions);
            Consider(doc.RootElement, source);
        }
        catch (JsonException e)
        {
            Errors.Add($"{source}: {e.Message}");
        }
    }

    /// <summary>
    /// One record per line. NeDB appends: a later line with the same <c>_id</c> replaces the earlier record, a
    /// <c>$$deleted</c> line removes it, and <c>$$indexCreated</c>/<c>$$indexRemoved</c> lines are index bookkeeping.
    /// </summary>
    private void ReadLines(Stream stream, string source, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, (OsvAdvisory Advisory, List<(Ecosystem, string)> Keys)>(StringComparer.Ordinal);
        var tooLong = new List<long>();
        BoundedLines.Read(stream, InputLimits.OsvMaxDocumentBytes, InputLimits.OsvMaxLinesPerFile, (line, number) =>
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line, DocumentOptions);
            }
            catch (JsonException e)
            {
                DocumentsRead++;
                Errors.Add($"{source}:{number}: {e.Message}");
                return;
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    Errors.Add($"{source}:{number}: not a JSON object");
                    return;
                }
                if (root.TryGetProperty("$$indexCreated", out _) || root.TryGetProperty("$$indexRemoved", out _)) return;
                var id = root.TryGetProperty("_id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
                if (id is not null && byId.Remove(id, out var previous)) Forget(previous.Advisory, previous.Keys);
                if (root.TryGetProperty("$$deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True) return;
                DocumentsRead++;
                try
                {
                    var kept = Consider(root, $"{source}:{number}");
                    if (id is not null && kept is { } k) byId[id] = k;
                }
                catch (JsonException e)
                {
                    Errors.Add($"{source}:{number}: {e.Message}");
                }
            }
        }, tooLong.Add, () => Done, cancellationToken);
        if (tooLong.Count > 0)
        {
            Errors.Add($"{source}: {tooLong.Count:N0} line(s) over the {InputLimits.OsvMaxDocumentBytes:N0}-byte budget not read (first: line {tooLong[0]:N0})");
        }
    }

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = InputLimits.JsonMaxDepth };

    private (OsvAdvisory, List<(Ecosystem, string)>)? Consider(JsonElement root, string source)
    {
        DocumentsParsed++;
        var packages = OsvReader.AffectedPackages(root).ToList();
        var modified = Modified(root);
        foreach (var ecosystem in packages.Select(p => p.Ecosystem).Distinct(StringComparer.Ordinal))
        {
            if (!Ecosystems.TryGetValue(ecosystem, out var stats)) Ecosystems[ecosystem] = stats = new OsvEcosystemStats();
            stats.Count(modified);
        }
        var keys = packages
            .Select(p => (Eco: EcosystemNames.FromOsvName(p.Ecosystem), p.Name))
            .Where(p => p.Eco is not null)
            .Select(p => (p.Eco!.Value, Key(p.Eco!.Value, p.Name)))
            .Where(_wanted.Contains)
            .Distinct()
            .ToList();
        if (keys.Count == 0) return null;
        var advisory = OsvReader.Read(root, source);
        if (advisory.Withdrawn) return null;
        AdvisoriesKept++;
        foreach (var key in keys)
        {
            if (!_byPackage.TryGetValue(key, out var list)) _byPackage[key] = list = [];
            list.Add(advisory);
        }
        return (advisory, keys);
    }

    private void Forget(OsvAdvisory advisory, List<(Ecosystem, string)> keys)
    {
        AdvisoriesKept--;
        foreach (var key in keys) _byPackage.GetValueOrDefault(key)?.Remove(advisory);
    }

    private static DateTimeOffset? Modified(JsonElement root) =>
        root.TryGetProperty("modified", out var m) && m.ValueKind == JsonValueKind.String &&
        DateTimeOffset.TryParse(m.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : null;
}
