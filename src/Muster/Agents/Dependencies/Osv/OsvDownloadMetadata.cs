using System.Text.Json;
using System.Text.Json.Serialization;
using Muster.Workspace;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>
/// The download record <c>muster osv update</c> keeps beside the exports (<see cref="OsvFiles.MetadataFileName"/>):
/// per ecosystem the URL, download time, Last-Modified/ETag, advisory count and sha256. Written atomically.
/// </summary>
public static class OsvDownloadMetadata
{
    public const int FormatVersion = 1;
    private const long MaxBytes = 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string PathIn(string directory) => Path.Combine(directory, OsvFiles.MetadataFileName);

    /// <summary>The record of <paramref name="directory"/> by ecosystem; empty when there is none or it cannot be read.</summary>
    public static IReadOnlyDictionary<string, OsvEcosystemDownload> Read(string directory)
    {
        var path = PathIn(directory);
        if (!File.Exists(path)) return new Dictionary<string, OsvEcosystemDownload>();
        try
        {
            var document = JsonSerializer.Deserialize<MetadataDocument>(BoundedRead.Text(path, MaxBytes), Json);
            if (document is null || document.Version != FormatVersion) return new Dictionary<string, OsvEcosystemDownload>();
            return (document.Ecosystems ?? []).GroupBy(e => e.Ecosystem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new Dictionary<string, OsvEcosystemDownload>();
        }
    }

    /// <summary>The folder holding the record for a database path: the folder itself, or the folder above an <c>ECOSYSTEM/all.zip</c>.</summary>
    public static string? FolderOf(string databasePath)
    {
        if (Directory.Exists(databasePath)) return File.Exists(PathIn(databasePath)) ? databasePath : null;
        var parent = Path.GetDirectoryName(databasePath);
        foreach (var candidate in new[] { parent, parent is null ? null : Path.GetDirectoryName(parent) })
        {
            if (candidate is not null && File.Exists(PathIn(candidate))) return candidate;
        }
        return null;
    }

    /// <summary>Replaces (or adds) <paramref name="entry"/>, keeping the other ecosystems; temporary file then rename.</summary>
    internal static void Save(string directory, OsvEcosystemDownload entry)
    {
        var entries = Read(directory).Values.Where(e => e.Ecosystem != entry.Ecosystem).Append(entry)
            .OrderBy(e => e.Ecosystem, StringComparer.Ordinal).ToList();
        var path = PathIn(directory);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(new MetadataDocument(FormatVersion, entries), Json) + "\n");
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private sealed record MetadataDocument(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("ecosystems")] List<OsvEcosystemDownload>? Ecosystems);
}
