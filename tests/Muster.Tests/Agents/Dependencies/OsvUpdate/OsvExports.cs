using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Muster.Tests.Agents.Dependencies.OsvUpdate;

/// <summary>Real-shaped OSV exports: an <c>all.zip</c> of one advisory document per entry, named by id, as the bucket's are.</summary>
internal static class OsvExports
{
    public static JsonObject Advisory(string id, string ecosystem, string package, string fixedVersion, DateTimeOffset modified, string? severity = "HIGH") => new()
    {
        ["schema_version"] = "1.6.0",
        ["id"] = id,
        ["modified"] = modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["published"] = "2024-01-02T03:04:05Z",
        ["aliases"] = new JsonArray("CVE-2024-0001"),
        ["summary"] = $"Test advisory for {package}",
        ["affected"] = new JsonArray(new JsonObject
        {
            ["package"] = new JsonObject { ["ecosystem"] = ecosystem, ["name"] = package },
            ["ranges"] = new JsonArray(new JsonObject
            {
                ["type"] = ecosystem == "npm" ? "SEMVER" : "ECOSYSTEM",
                ["events"] = new JsonArray(new JsonObject { ["introduced"] = "0" }, new JsonObject { ["fixed"] = fixedVersion }),
            }),
        }),
        ["database_specific"] = severity is null ? null : new JsonObject { ["severity"] = severity },
    };

    public static byte[] Zip(params JsonObject[] advisories)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var advisory in advisories)
            {
                using var writer = new StreamWriter(zip.CreateEntry($"{advisory["id"]}.json", CompressionLevel.Optimal).Open());
                writer.Write(advisory.ToJsonString());
            }
        }
        return memory.ToArray();
    }
}
