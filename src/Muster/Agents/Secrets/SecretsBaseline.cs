using System.Text.Json;
using System.Text.Json.Serialization;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>
/// Known findings that later runs mark as suppressed (<c>muster baseline PATH</c>). A committed baseline (version 2)
/// matches on any clone: a secret's entry holds rule, path, a random salt and a 32-bit PBKDF2 key of the value
/// (<see cref="BaselineKey"/>), so it needs no workspace salt and stores nothing a cheap dictionary attack could use;
/// an entry of a finding without a value (a sensitive file) holds its unsalted fingerprint. Version 1 files (salted
/// fingerprints under <c>.muster/</c>) are still read; they only match with the same workspace salt.
/// </summary>
public sealed class SecretsBaseline
{
    public const int FormatVersion = 2;
    private const int LegacyFormatVersion = 1;

    /// <summary>Where <c>muster baseline PATH</c> writes without a repository config, relative to the root.</summary>
    public const string DefaultRelativePath = "muster-baseline.json";

    /// <summary>The version 1 location; read when no committed baseline exists, with a deprecation note.</summary>
    public const string LegacyRelativePath = ".muster/secrets-baseline.json";

    /// <summary>The <c>baseline:</c> setting that turns the default baseline off.</summary>
    public const string NoBaseline = "none";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly Dictionary<string, int> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rule, string Path), List<int>> _keyed = [];

    private SecretsBaseline(IReadOnlyList<BaselineEntry> entries, int version)
    {
        Entries = entries;
        Version = version;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Fingerprint is { Length: > 0 } fingerprint) _byFingerprint.TryAdd(fingerprint, i);
            if (entry.Salt is { Length: > 0 } && entry.Key is { Length: > 0 })
            {
                if (!_keyed.TryGetValue((entry.Rule, entry.Path), out var list)) _keyed[(entry.Rule, entry.Path)] = list = [];
                list.Add(i);
            }
        }
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>The file's format version: 1 for a legacy salted baseline.</summary>
    public int Version { get; }

    /// <summary>
    /// Entries for the findings of a baseline scan: a secret's from its <see cref="SuppressionMarks.BaselineKey"/>
    /// property (the agent computed it), any other's from its fingerprint. INFO findings are notes about coverage
    /// (history or files not verified), not exposures: they are never baselined.
    /// </summary>
    public static SecretsBaseline Create(IEnumerable<Finding> findings) =>
        new(findings
            .Where(f => f.Fingerprint.Length > 0 && f.Severity > Severity.Info)
            .Select(ToEntry)
            .DistinctBy(e => (e.Path, e.Rule, e.Fingerprint, e.Key))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.Key ?? e.Fingerprint, StringComparer.Ordinal)
            .ToList(), FormatVersion);

    private static BaselineEntry ToEntry(Finding f)
    {
        var path = f.Location?.Path ?? "";
        if (f.Properties.TryGetValue(SuppressionMarks.BaselineKey, out var key) && BaselineKey.TryParse(key, out var salt, out var value))
            return new BaselineEntry(path, f.RuleId, null, salt, value);
        return new BaselineEntry(path, f.RuleId, f.Fingerprint);
    }

    /// <summary>
    /// The 0-based entry that holds this finding, or null. <paramref name="secret"/> is the finding's value, when it
    /// has one: the keys of the entries with the same rule and path are derived from it (each distinct salt once,
    /// through <paramref name="keys"/>), so the cost stays bounded by the entries of that one place.
    /// </summary>
    public int? Match(Finding finding, string? secret, BaselineKey.Cache keys)
    {
        if (_byFingerprint.TryGetValue(finding.Fingerprint, out var byFingerprint)) return byFingerprint;
        if (secret is null || !_keyed.TryGetValue((finding.RuleId, finding.Location?.Path ?? ""), out var candidates)) return null;
        foreach (var i in candidates)
        {
            var entry = Entries[i];
            if (string.Equals(keys.Derive(secret, entry.Salt!), entry.Key, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return null;
    }

    /// <summary>Writes the baseline atomically (temporary file, then rename): a failure leaves the old file whole.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new BaselineDocument(FormatVersion, BaselineKey.Description, Entries.ToList()), Json) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a baseline written by <see cref="Save"/> (or a version 1 file); a missing, unreadable or malformed file is an error with the reason.</summary>
    public static SecretsBaseline Load(string path)
    {
        BaselineDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<BaselineDocument>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidDataException($"baseline '{path}' cannot be read: {e.Message}", e);
        }
        if (document is null || document.Version is not (FormatVersion or LegacyFormatVersion))
            throw new InvalidDataException($"baseline '{path}' is not a version {FormatVersion} (or {LegacyFormatVersion}) Muster baseline; 'muster baseline PATH' writes a new one");
        if (document.Version == FormatVersion && document.Kdf != BaselineKey.Description)
            throw new InvalidDataException($"baseline '{path}' keys values with '{document.Kdf}', this Muster with '{BaselineKey.Description}'; 'muster baseline PATH' writes a new one");
        var entries = document.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var keyed = e.Salt is { Length: > 0 } && e.Key is { Length: > 0 };
            if (e.Rule is not { Length: > 0 } || e.Path is null || (!keyed && e.Fingerprint is not { Length: > 0 }))
                throw new InvalidDataException($"baseline '{path}': entry {i + 1} needs 'path', 'rule' and either 'fingerprint' or 'salt' and 'key'; 'muster baseline PATH' rewrites the file");
        }
        return new SecretsBaseline(entries, document.Version);
    }

    private sealed record BaselineDocument(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("kdf")] string? Kdf,
        [property: JsonPropertyName("entries")] List<BaselineEntry>? Entries);
}

/// <summary>
/// One baselined finding: a secret's <see cref="Salt"/> and <see cref="Key"/> (see <see cref="BaselineKey"/>), or
/// another finding's <see cref="Fingerprint"/> (salted in a version 1 file). No secret value is stored.
/// </summary>
public sealed record BaselineEntry(string Path, string Rule, string? Fingerprint = null, string? Salt = null, string? Key = null);
