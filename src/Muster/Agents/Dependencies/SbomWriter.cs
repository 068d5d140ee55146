using System.Text.Json;
using Muster.Formats.Packages.Model;
using Muster.Model;

namespace Muster.Agents.Dependencies;

/// <summary>
/// A CycloneDX 1.6 JSON SBOM of the inventory. Components with a known version carry it in their purl; packages
/// known only by a range carry no version (the range is a property), because a guessed version would be a false
/// claim. Production packages are scope "required", development and optional ones "optional"; unknown scope is
/// left out. The root component depends on the direct dependencies.
/// </summary>
internal static class SbomWriter
{
    public static string Write(DependencyInventory inventory, string rootName, DateTimeOffset timestamp, Guid serial)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", "1.6");
            json.WriteString("serialNumber", $"urn:uuid:{serial:D}");
            json.WriteNumber("version", 1);
            json.WriteStartObject("metadata");
            json.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("tools");
            json.WriteStartArray("components");
            json.WriteStartObject();
            json.WriteString("type", "application");
            json.WriteString("name", "muster");
            json.WriteString("version", MusterVersion.Current);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("component");
            json.WriteString("type", "application");
            json.WriteString("bom-ref", "root");
            json.WriteString("name", rootName);
            json.WriteEndObject();
            json.WriteEndObject();

            var components = Components(inventory);
            json.WriteStartArray("components");
            foreach (var c in components)
            {
                json.WriteStartObject();
                json.WriteString("type", "library");
                json.WriteString("bom-ref", c.Ref);
                json.WriteString("name", c.Record.Name);
                if (c.Record.Version is { } v) json.WriteString("version", v);
                json.WriteString("purl", Purl.For(c.Record.Ecosystem, c.Record.Name, c.Record.Version));
                if (c.Scope is { } scope) json.WriteString("scope", scope);
                json.WriteStartArray("properties");
                WriteProperty(json, "muster:ecosystem", c.Record.Ecosystem.ToOsvName());
                WriteProperty(json, "muster:manifest", c.Record.ManifestPath);
                WriteProperty(json, "muster:direct", c.Direct ? "true" : "false");
                if (c.Record.Version is null && c.Record.Range is { } range) WriteProperty(json, "muster:range", range);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("dependencies");
            json.WriteStartObject();
            json.WriteString("ref", "root");
            json.WriteStartArray("dependsOn");
            foreach (var c in components.Where(c => c.Direct)) json.WriteStringValue(c.Ref);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed record Component(string Ref, PackageRecord Record, bool Direct, string? Scope);

    private static List<Component> Components(DependencyInventory inventory) =>
        inventory.Packages
            .GroupBy(p => p.Version is not null
                ? Purl.For(p.Ecosystem, p.Name, p.Version)
                : Purl.For(p.Ecosystem, p.Name, null) + "#range=" + p.Range)
            .Select(g =>
            {
                var scopes = g.Select(p => p.Scope).ToList();
                string? scope = scopes.Contains(DependencyScope.Production) ? "required"
                    : scopes.Contains(DependencyScope.Unknown) ? null
                    : "optional";
                return new Component(g.Key, g.First(), g.Any(p => p.Direct), scope);
            })
            .OrderBy(c => c.Ref, StringComparer.Ordinal)
            .ToList();

    private static void WriteProperty(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
