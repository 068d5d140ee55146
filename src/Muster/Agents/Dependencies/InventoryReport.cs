using System.Text;
using System.Text.Json;
using Muster.Formats.Packages.Model;

namespace Muster.Agents.Dependencies;

/// <summary>The inventory as artifacts: <c>dependencies.json</c> for machines and a Markdown table for people.</summary>
internal static class InventoryReport
{
    public static string Json(DependencyInventory inventory, IReadOnlyList<ManifestProblem> problems)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("counts");
            foreach (var c in inventory.Counts())
            {
                json.WriteStartObject(c.Ecosystem.ToOsvName());
                json.WriteNumber("packages", c.Packages);
                json.WriteNumber("direct", c.Direct);
                json.WriteNumber("development", c.Development);
                json.WriteNumber("manifests", c.Manifests);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartArray("packages");
            foreach (var p in inventory.Packages)
            {
                json.WriteStartObject();
                json.WriteString("ecosystem", p.Ecosystem.ToOsvName());
                json.WriteString("name", p.Name);
                if (p.Version is null) json.WriteNull("version");
                else json.WriteString("version", p.Version);
                if (p.Range is null) json.WriteNull("range");
                else json.WriteString("range", p.Range);
                json.WriteBoolean("direct", p.Direct);
                json.WriteString("scope", p.Scope.ToString().ToLowerInvariant());
                json.WriteString("manifest", p.ManifestPath);
                json.WriteNumber("line", p.Line);
                json.WriteString("kind", p.ManifestKind);
                json.WriteString("purl", Purl.For(p.Ecosystem, p.Name, p.Version));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("scanErrors");
            foreach (var e in problems)
            {
                json.WriteStartObject();
                json.WriteString("path", e.Path);
                json.WriteNumber("line", e.Line);
                json.WriteString("message", e.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Markdown(DependencyInventory inventory)
    {
        var md = new StringBuilder("| Ecosystem | Packages | Direct | Development | Manifests |\n|---|---:|---:|---:|---:|\n");
        foreach (var c in inventory.Counts())
        {
            md.Append($"| {c.Ecosystem.ToOsvName()} | {c.Packages} | {c.Direct} | {c.Development} | {c.Manifests} |\n");
        }
        md.Append("\n| Ecosystem | Package | Version | Range | Direct | Scope | Manifest |\n|---|---|---|---|---|---|---|\n");
        foreach (var p in inventory.Packages)
        {
            md.Append($"| {p.Ecosystem.ToOsvName()} | {Cell(p.Name)} | {Cell(p.Version ?? "(range only)")} | {Cell(p.Range ?? "")} | " +
                      $"{(p.Direct ? "direct" : "transitive")} | {p.Scope.ToString().ToLowerInvariant()} | {Cell(p.ManifestPath)}:{p.Line} |\n");
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
