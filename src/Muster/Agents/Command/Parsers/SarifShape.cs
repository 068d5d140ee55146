using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Muster.Agents.Command.Parsers;

/// <summary>
/// The parts of the SARIF 2.1.0 schema the parser relies on: a "2.1.0" <c>version</c>, a <c>runs</c> array of objects,
/// a <c>tool.driver</c> object in each run, <c>results</c> arrays of objects, and a message (text or id) on every result. Output that fails one of these is not
/// read as "0 findings"; the error names the first place that is wrong.
/// </summary>
internal static class SarifShape
{
    public const string Version = "2.1.0";

    public static void Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) Fail($"the top level is {Kind(root)}, not an object");
        if (!root.TryGetProperty("version", out var version)) Fail($"it has no 'version' (expected \"{Version}\")");
        if (version.ValueKind != JsonValueKind.String || version.GetString() != Version)
        {
            Fail($"'version' is {Shown(version)}, expected \"{Version}\"");
        }
        if (!root.TryGetProperty("runs", out var runs)) Fail("it has no 'runs' array");
        if (runs.ValueKind != JsonValueKind.Array) Fail($"'runs' is {Kind(runs)}, not an array");
        var r = 0;
        foreach (var run in runs.EnumerateArray())
        {
            var runPath = $"runs[{r.ToString(CultureInfo.InvariantCulture)}]";
            if (run.ValueKind != JsonValueKind.Object) Fail($"{runPath} is {Kind(run)}, not an object");
            if (!run.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.Object
                || !tool.TryGetProperty("driver", out var driver) || driver.ValueKind != JsonValueKind.Object)
            {
                Fail($"{runPath} has no tool.driver object");
            }
            if (run.TryGetProperty("results", out var results))
            {
                if (results.ValueKind != JsonValueKind.Array) Fail($"{runPath}.results is {Kind(results)}, not an array");
                var i = 0;
                foreach (var result in results.EnumerateArray())
                {
                    ValidateResult(result, $"{runPath}.results[{i.ToString(CultureInfo.InvariantCulture)}]");
                    i++;
                }
            }
            r++;
        }
    }

    private static void ValidateResult(JsonElement result, string path)
    {
        if (result.ValueKind != JsonValueKind.Object) Fail($"{path} is {Kind(result)}, not an object");
        if (!result.TryGetProperty("message", out var message)) Fail($"{path} has no message");
        if (message.ValueKind != JsonValueKind.Object) Fail($"{path}.message is {Kind(message)}, not an object");
        var hasText = message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String;
        var hasId = message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String;
        if (!hasText && !hasId) Fail($"{path}.message has neither a 'text' nor an 'id' string");
    }

    [DoesNotReturn]
    private static void Fail(string what) =>
        throw new OutputParseException($"tool output is not SARIF {Version}: {what}; have the tool write SARIF {Version}");

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // A version string is short and tool-chosen; anything else is described by kind so no tool text is quoted at length.
    private static string Shown(JsonElement version) =>
        version.ValueKind == JsonValueKind.String && version.GetString()!.Length <= 20 ? $"\"{version.GetString()}\"" : Kind(version);
}
