using System.Text.Json;
using Muster.Formats.Packages.Model;
using Muster.Model;

namespace Muster.Agents.Dependencies;

/// <summary>
/// A CycloneDX 1.6 JSON SBOM of the inventory (<see cref="SbomGraph"/>): the audited project (or the workspace holding
/// several) as the BOM's subject, one application component per further project, one library component per package
/// with the edges the lockfiles record. Components with a known version carry it in their purl; packages known only
/// by a range carry no version (the range is a property), because a guessed version would be a false claim.
/// Production packages are scope "required", development and optional ones "optional"; unknown scope is left out.
/// </summary>
internal static class SbomWriter
{
    public static string Write(DependencyInventory inventory, string rootName, DateTimeOffset timestamp, Guid serial) =>
        Write(SbomGraph.Build(inventory, rootName), timestamp, serial);

    public static string Write(SbomGraph graph, DateTimeOffset timestamp, Guid serial)
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
            json.WriteString("timestamp", SbomTime.Format(timestamp));
            json.WriteStartObject("tools");
            json.WriteStartArray("components");
            json.WriteStartObject();
            json.WriteString("type", "application");
            json.WriteString("name", "muster");
            json.WriteString("version", MusterVersion.Current);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("component");
            WriteProject(json, graph.Root);
            json.WriteEndObject();

            json.WriteStartArray("components");
            foreach (var project in graph.Projects) WriteProject(json, project);
            foreach (var c in graph.Components) WriteComponent(json, c);
            json.WriteEndArray();

            json.WriteStartArray("dependencies");
            foreach (var (reference, dependsOn) in graph.Edges.OrderBy(e => e.Key == graph.Root.Ref ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("ref", reference);
                json.WriteStartArray("dependsOn");
                foreach (var target in dependsOn) json.WriteStringValue(target);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteProject(Utf8JsonWriter json, SbomProject project)
    {
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("bom-ref", project.Ref);
        json.WriteString("name", project.Name);
        if (project.Version is { } version) json.WriteString("version", version);
        WriteLicense(json, project.License);
        if (project.Purl is { } purl) json.WriteString("purl", purl);
        if (project.Manifests.Count > 0)
        {
            json.WriteStartArray("properties");
            foreach (var manifest in project.Manifests) WriteProperty(json, "muster:manifest", manifest);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, SbomComponent c)
    {
        json.WriteStartObject();
        json.WriteString("type", "library");
        json.WriteString("bom-ref", c.Ref);
        json.WriteString("name", c.Record.Name);
        if (c.Record.Version is { } v) json.WriteString("version", v);
        if (c.Scope is { } scope) json.WriteString("scope", scope);
        if (c.Hashes.Count > 0) WriteHashes(json, c.Hashes);
        WriteLicense(json, c.License);
        json.WriteString("purl", c.Purl);
        if (c.Distributions.Count > 0)
        {
            json.WriteStartArray("externalReferences");
            foreach (var file in c.Distributions)
            {
                json.WriteStartObject();
                json.WriteString("type", "distribution");
                json.WriteString("url", file.Location);
                WriteHashes(json, [file.Hash]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartArray("properties");
        WriteProperty(json, "muster:ecosystem", c.Record.Ecosystem.ToOsvName());
        WriteProperty(json, "muster:manifest", c.Record.ManifestPath);
        WriteProperty(json, "muster:direct", c.Direct ? "true" : "false");
        if (c.Record.Version is null && c.Record.Range is { } range) WriteProperty(json, "muster:range", range);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHashes(Utf8JsonWriter json, IReadOnlyList<PackageHash> hashes)
    {
        json.WriteStartArray("hashes");
        foreach (var hash in hashes)
        {
            json.WriteStartObject();
            json.WriteString("alg", hash.Algorithm switch
            {
                DigestAlgorithm.Sha1 => "SHA-1",
                DigestAlgorithm.Sha256 => "SHA-256",
                DigestAlgorithm.Sha384 => "SHA-384",
                _ => "SHA-512",
            });
            json.WriteString("content", hash.Hex);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteLicense(Utf8JsonWriter json, string? license)
    {
        if (license is null) return;
        json.WriteStartArray("licenses");
        json.WriteStartObject();
        if (LicenseExpression.IsExpression(license))
        {
            json.WriteString("expression", license);
        }
        else
        {
            json.WriteStartObject("license");
            json.WriteString("name", license);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
