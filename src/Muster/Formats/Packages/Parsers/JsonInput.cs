using System.Text.Json;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

internal static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Parses JSON; on failure records a problem at the reported line and returns null.</summary>
    public static JsonDocument? Parse(ManifestFile file, ParseResult result)
    {
        try
        {
            var doc = JsonDocument.Parse(file.Text, Options);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            result.Problems.Add(new ManifestProblem(file.RelativePath, 1, "Expected a JSON object at the top level."));
            doc.Dispose();
            return null;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Invalid JSON: {FirstSentence(e.Message)}"));
            return null;
        }
    }

    public static string? GetString(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;

    public static bool GetFlag(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonProperty> ObjectProperties(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject()
            : [];

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
