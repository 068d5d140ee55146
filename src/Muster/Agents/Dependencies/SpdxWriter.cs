using System.Text.Json;
using Muster.Formats.Packages.Model;
using Muster.Model;

namespace Muster.Agents.Dependencies;

/// <summary>
/// The same graph as <see cref="SbomWriter"/> as an SPDX 2.3 JSON document, for the tools that read SPDX (Trivy,
/// Syft, GitHub's dependency submission). Every node is a package with its purl as a PACKAGE-MANAGER external
/// reference and the lockfile's digests as checksums. The document DESCRIBES its subject; a project DEPENDS_ON its
/// production dependencies, and its development (optional) ones are DEV_DEPENDENCY_OF (OPTIONAL_DEPENDENCY_OF) it;
/// edges between packages are DEPENDS_ON. Projects the workspace holds without depending on them are CONTAINS. What
/// the files do not say (download location, concluded licence, copyright) is NOASSERTION, never a guess.
/// </summary>
internal static class SpdxWriter
{
    private const string NoAssertion = "NOASSERTION";

    public static string Write(SbomGraph graph, DateTimeOffset timestamp, Guid serial)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal) { [graph.Root.Ref] = "SPDXRef-Root" };
        for (var i = 0; i < graph.Projects.Count; i++) ids[graph.Projects[i].Ref] = $"SPDXRef-Project-{i + 1}";
        for (var i = 0; i < graph.Components.Count; i++) ids[graph.Components[i].Ref] = $"SPDXRef-Package-{i + 1}";
        var components = graph.Components.ToDictionary(c => c.Ref, StringComparer.Ordinal);
        var projects = graph.Projects.Append(graph.Root).Select(p => p.Ref).ToHashSet(StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("spdxVersion", "SPDX-2.3");
            json.WriteString("dataLicense", "CC0-1.0");
            json.WriteString("SPDXID", "SPDXRef-DOCUMENT");
            json.WriteString("name", graph.Root.Name);
            json.WriteString("documentNamespace", $"https://spdx.org/spdxdocs/muster-{Slug(graph.Root.Name)}-{serial:D}");
            json.WriteStartObject("creationInfo");
            json.WriteString("created", SbomTime.Format(timestamp));
            json.WriteStartArray("creators");
            json.WriteStringValue($"Tool: muster-{MusterVersion.Current}");
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartArray("packages");
            WriteProject(json, ids[graph.Root.Ref], graph.Root);
            foreach (var project in graph.Projects) WriteProject(json, ids[project.Ref], project);
            foreach (var component in graph.Components) WriteComponent(json, ids[component.Ref], component);
            json.WriteEndArray();

            json.WriteStartArray("relationships");
            WriteRelationship(json, "SPDXRef-DOCUMENT", "DESCRIBES", ids[graph.Root.Ref]);
            foreach (var (from, targets) in graph.Edges.OrderBy(e => ids[e.Key], StringComparer.Ordinal))
            {
                foreach (var to in targets)
                {
                    if (from == graph.Root.Ref && graph.Hosted.Contains(to))
                    {
                        WriteRelationship(json, ids[from], "CONTAINS", ids[to]);
                    }
                    else if (projects.Contains(from) && components.TryGetValue(to, out var dependency) && NotShipped(dependency) is { } relation)
                    {
                        WriteRelationship(json, ids[to], relation, ids[from]);
                    }
                    else
                    {
                        WriteRelationship(json, ids[from], "DEPENDS_ON", ids[to]);
                    }
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // A direct dependency no production manifest or lockfile entry needs: dev (or optional) only.
    private static string? NotShipped(SbomComponent component)
    {
        var scopes = component.Records.Select(r => r.Scope).Distinct().ToList();
        if (scopes.All(s => s == DependencyScope.Development)) return "DEV_DEPENDENCY_OF";
        if (scopes.All(s => s is DependencyScope.Optional or DependencyScope.Development)) return "OPTIONAL_DEPENDENCY_OF";
        return null;
    }

    private static void WriteProject(Utf8JsonWriter json, string id, SbomProject project)
    {
        WritePackageStart(json, id, project.Name, project.Version, project.License);
        if (project.Purl is { } purl) WritePurl(json, purl);
        json.WriteString("primaryPackagePurpose", "APPLICATION");
        if (project.Manifests.Count > 0) json.WriteString("comment", "Manifests: " + string.Join(", ", project.Manifests));
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, string id, SbomComponent component)
    {
        var record = component.Record;
        WritePackageStart(json, id, record.Name, record.Version, component.License);
        if (component.Hashes.Count > 0)
        {
            json.WriteStartArray("checksums");
            foreach (var hash in component.Hashes)
            {
                json.WriteStartObject();
                json.WriteString("algorithm", hash.Algorithm switch
                {
                    DigestAlgorithm.Sha1 => "SHA1",
                    DigestAlgorithm.Sha256 => "SHA256",
                    DigestAlgorithm.Sha384 => "SHA384",
                    _ => "SHA512",
                });
                json.WriteString("checksumValue", hash.Hex);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        WritePurl(json, component.Purl);
        json.WriteString("primaryPackagePurpose", "LIBRARY");
        var comment = $"From {record.ManifestPath}" + (record.Version is null && record.Range is { } range ? $"; requested as {range}, no locked version" : "");
        json.WriteString("comment", comment);
        json.WriteEndObject();
    }

    private static void WritePackageStart(Utf8JsonWriter json, string id, string name, string? version, string? license)
    {
        json.WriteStartObject();
        json.WriteString("SPDXID", id);
        json.WriteString("name", name);
        if (version is not null) json.WriteString("versionInfo", version);
        json.WriteString("downloadLocation", NoAssertion);
        json.WriteBoolean("filesAnalyzed", false);
        json.WriteString("licenseConcluded", NoAssertion);
        json.WriteString("licenseDeclared", license is not null && LicenseExpression.IsExpression(license) ? license : NoAssertion);
        json.WriteString("copyrightText", NoAssertion);
    }

    private static void WritePurl(Utf8JsonWriter json, string purl)
    {
        json.WriteStartArray("externalRefs");
        json.WriteStartObject();
        json.WriteString("referenceCategory", "PACKAGE-MANAGER");
        json.WriteString("referenceType", "purl");
        json.WriteString("referenceLocator", purl);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteRelationship(Utf8JsonWriter json, string element, string type, string related)
    {
        json.WriteStartObject();
        json.WriteString("spdxElementId", element);
        json.WriteString("relationshipType", type);
        json.WriteString("relatedSpdxElement", related);
        json.WriteEndObject();
    }

    // The namespace is a URI: the name reduced to letters, digits, '.', '-' and '_'.
    private static string Slug(string name)
    {
        var slug = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "workspace" : slug;
    }
}
