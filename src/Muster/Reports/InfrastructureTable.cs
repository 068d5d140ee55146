using System.Text.Json;
using Muster.Engine;

namespace Muster.Reports;

/// <summary>
/// The seed's "configured vs deployed" table, read from agents' <c>infrastructure.json</c> artifacts (shape in
/// docs/gaps.md). A component whose deployed count is null was not observed and is shown as not verified.
/// </summary>
internal sealed record InfrastructureTable(IReadOnlyList<InfrastructureTable.Component> Components, IReadOnlyList<string> Problems)
{
    public const string ArtifactName = "infrastructure.json";

    internal sealed record Component(string AgentId, string Name, int? Configured, string? ConfiguredText, int? Deployed, string? DeployedText, string? Source)
    {
        public string ConfiguredCell => ConfiguredText ?? (Configured?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—");

        public string DeployedCell => Deployed is null
            ? "not verified" + (DeployedText is { Length: > 0 } t && t != "unverified" ? $" ({t})" : "")
            : DeployedText ?? Deployed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Share of the configured count not deployed, in [0, 1]; null when either side is unknown.</summary>
        public double? Gap => Configured is > 0 && Deployed is { } d ? Math.Max(0, Configured.Value - d) / (double)Configured.Value : null;

        public string GapCell => Gap is { } g ? ReportText.Percent(g) : Deployed is null ? "not verified" : "—";
    }

    public static InfrastructureTable Of(RunOutcome outcome)
    {
        var components = new List<Component>();
        var problems = new List<string>();
        foreach (var agent in outcome.Agents.OrderBy(a => a.WaveIndex).ThenBy(a => a.AgentId, StringComparer.Ordinal))
        {
            foreach (var artifact in agent.Result.Artifacts.Where(a => a.Name == ArtifactName))
            {
                try
                {
                    using var document = JsonDocument.Parse(artifact.Content);
                    if (!document.RootElement.TryGetProperty("components", out var list) || list.ValueKind != JsonValueKind.Array)
                    {
                        problems.Add($"{agent.AgentId}: {ArtifactName} has no \"components\" array");
                        continue;
                    }
                    foreach (var item in list.EnumerateArray())
                    {
                        if (Text(item, "name") is not { Length: > 0 } name) continue;
                        components.Add(new Component(agent.AgentId, name, Int(item, "configured"), Text(item, "configuredText"),
                            Int(item, "deployed"), Text(item, "deployedText"), Text(item, "source")));
                    }
                }
                catch (JsonException e)
                {
                    problems.Add($"{agent.AgentId}: {ArtifactName} is not valid JSON ({e.Message})");
                }
            }
        }
        return new InfrastructureTable(components, problems);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
