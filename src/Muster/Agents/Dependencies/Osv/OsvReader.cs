using System.Text.Json;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>Reads one OSV JSON document into an <see cref="OsvAdvisory"/>; unknown fields are ignored.</summary>
internal static class OsvReader
{
    public static OsvAdvisory Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("Not an OSV advisory: no string 'id'.");
        }
        return new OsvAdvisory
        {
            Id = id.GetString()!,
            Aliases = Strings(root, "aliases"),
            Summary = Str(root, "summary") ?? "",
            SeverityVectors = Severities(root),
            DatabaseSeverity = root.TryGetProperty("database_specific", out var db) ? Str(db, "severity") : null,
            Withdrawn = root.TryGetProperty("withdrawn", out var w) && w.ValueKind == JsonValueKind.String,
            Affected = Array(root, "affected").Select(ReadAffected).OfType<OsvAffected>().ToList(),
            Source = source,
        };
    }

    /// <summary>(ecosystem, name) of every affected package, without building the whole advisory.</summary>
    public static IEnumerable<(string Ecosystem, string Name)> AffectedPackages(JsonElement root) =>
        Array(root, "affected")
            .Select(a => a.TryGetProperty("package", out var p) ? (Str(p, "ecosystem"), Str(p, "name")) : (null, null))
            .Where(t => t.Item1 is not null && t.Item2 is not null)
            .Select(t => (t.Item1!, t.Item2!));

    private static OsvAffected? ReadAffected(JsonElement affected)
    {
        if (!affected.TryGetProperty("package", out var package)) return null;
        var ecosystem = Str(package, "ecosystem");
        var name = Str(package, "name");
        if (ecosystem is null || name is null) return null;
        var ranges = Array(affected, "ranges").Select(r => new OsvRange(
            Str(r, "type") ?? "",
            Array(r, "events").SelectMany(ReadEvents).ToList())).ToList();
        return new OsvAffected(ecosystem, name, ranges, Strings(affected, "versions")) { SeverityVectors = Severities(affected) };
    }

    private static IEnumerable<OsvEvent> ReadEvents(JsonElement e)
    {
        foreach (var kind in new[] { "introduced", "fixed", "last_affected", "limit" })
        {
            if (Str(e, kind) is { } v) yield return new OsvEvent(kind, v);
        }
    }

    private static List<string> Severities(JsonElement element) =>
        Array(element, "severity").Select(s => Str(s, "score")).OfType<string>().ToList();

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        Array(e, name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
