using System.Text.Json.Nodes;
using Json.Schema;

namespace Muster.Tests.Reports;

/// <summary>
/// The SARIF 2.1.0 JSON schema as shipped in Microsoft's Sarif.Sdk package (Schemata/sarif-2.1.0.json), embedded in
/// the test assembly at build time from the NuGet package folder (see Muster.Tests.csproj).
/// </summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static EvaluationResults Validate(string sarif) =>
        Schema.Value.Evaluate(JsonNode.Parse(sarif), new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });

    public static string Describe(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));

    public static string Text()
    {
        using var stream = typeof(SarifSchema).Assembly.GetManifestResourceStream("sarif-2.1.0.json")
            ?? throw new InvalidOperationException("The SARIF schema resource is missing: restore the Sarif.Sdk package download.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonSchema Load() => JsonSchema.FromText(Text());
}
