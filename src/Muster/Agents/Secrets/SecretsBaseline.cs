using System.Text.Json;
using System.Text.Json.Serialization;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>
/// Known findings to hide in later runs (<c>muster baseline PATH</c>). Entries are keyed on file, rule and the
/// finding's fingerprint, which for a secret is a salted hash of the value: moving a secret to another line keeps
/// it baselined, a new secret on an old line is not hidden, and the file stores no secret.
/// </summary>
public sealed class SecretsBaseline
{
    public const int FormatVersion = 1;

    /// <summary>Where <c>muster baseline PATH</c> writes, relative to the root; the secrets agent reads it when present.</summary>
    public const string DefaultRelativePath = ".muster/secrets-baseline.json";

    /// <summary>The <c>baseline:</c> setting that turns the default baseline off.</summary>
    public const string NoBaseline = "none";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly HashSet<string> _fingerprints;

    private SecretsBaseline(IReadOnlyList<BaselineEntry> entries)
    {
        Entries = entries;
        _fingerprints = new HashSet<string>(entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static SecretsBaseline Create(IEnumerable<Finding> findings) =>
        new(findings
            .Where(f => f.Fingerprint.Length > 0)
            .Select(f => new BaselineEntry(f.Location?.Path ?? "", f.RuleId, f.Fingerprint))
            .DistinctBy(e => e.Fingerprint)
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ToList());

    public bool Contains(Finding finding) => _fingerprints.Contains(finding.Fingerprint);

    /// <summary>The findings that are not in the baseline.</summary>
    public IReadOnlyList<Finding> Filter(IEnumerable<Finding> findings) => findings.Where(f => !Contains(f)).ToList();

    /// <summary>Writes the baseline atomically (temporary file, then rename): a failure leaves the old file whole.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new BaselineDocument(FormatVersion, Entries.ToList()), Json) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a baseline written by <see cref="Save"/>; a missing, unreadable or malformed file is an error with the reason.</summary>
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
        if (document is null || document.Version != FormatVersion)
            throw new InvalidDataException($"baseline '{path}' is not a version {FormatVersion} Muster baseline");
        return new SecretsBaseline(document.Entries ?? []);
    }

    private sealed record BaselineDocument(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("entries")] List<BaselineEntry>? Entries);
}

/// <summary>One baselined finding. <see cref="Fingerprint"/> is salted; no secret value is stored.</summary>
public sealed record BaselineEntry(string Path, string Rule, string Fingerprint);
