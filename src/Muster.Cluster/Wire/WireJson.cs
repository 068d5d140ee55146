using System.Text.Json;
using System.Text.Json.Serialization;
using Muster.Agents;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Cluster.Wire;

/// <summary>
/// The JSON that crosses the wire inside <see cref="AttemptRequest"/> and <see cref="AttemptStatus"/>: Muster's own
/// records stay free of Orleans attributes. Data only: nothing read here names a type or a program to run.
/// </summary>
internal static class WireJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed record SpecDto(string Id, string Kind, AgentRole Role, Dictionary<string, object?> Settings, string? RootName);

    private sealed record ResultHead(string Summary, Dictionary<string, double> Metrics, List<Artifact> Artifacts);

    public static string WriteSpec(AgentSpec spec) =>
        JsonSerializer.Serialize(new SpecDto(spec.Id, spec.Kind, spec.Role, spec.Settings.Values.ToDictionary(), spec.RootName), Options);

    /// <summary>What a worker needs of the spec to run it; timeouts and retries stay with the coordinator's supervisor.</summary>
    public static AgentSpec ReadSpec(string json)
    {
        var dto = JsonSerializer.Deserialize<SpecDto>(json, Options) ?? throw new InvalidDataException("empty agent spec");
        var settings = dto.Settings.ToDictionary(kv => kv.Key, kv => FromJson(kv.Value), StringComparer.Ordinal);
        return new AgentSpec
        {
            Id = dto.Id,
            Kind = dto.Kind,
            Role = dto.Role,
            Settings = new AgentSettings(settings),
            SoftTimeout = Timeout.InfiniteTimeSpan,
            HardTimeout = Timeout.InfiniteTimeSpan,
            RootName = dto.RootName,
        };
    }

    public static string WriteUpstream(IReadOnlyList<PriorOutput> upstream) => JsonSerializer.Serialize(upstream, Options);

    public static List<PriorOutput> ReadUpstream(string json) => JsonSerializer.Deserialize<List<PriorOutput>>(json, Options) ?? [];

    public static string WriteResultHead(AgentResult result) =>
        JsonSerializer.Serialize(new ResultHead(result.Summary, result.Metrics.ToDictionary(), result.Artifacts.ToList()), Options);

    /// <summary>The result without its findings, which <see cref="ReadFindings"/> adds page by page.</summary>
    public static AgentResult ReadResultHead(string json)
    {
        var head = JsonSerializer.Deserialize<ResultHead>(json, Options) ?? throw new InvalidDataException("empty result");
        return new AgentResult { Summary = head.Summary, Metrics = head.Metrics, Artifacts = head.Artifacts };
    }

    public static string WriteFindings(IEnumerable<Finding> findings) => JsonSerializer.Serialize(findings, Options);

    public static List<Finding> ReadFindings(string json) => JsonSerializer.Deserialize<List<Finding>>(json, Options) ?? [];

    /// <summary>Settings as the plan parser builds them: strings, lists and read-only mappings.</summary>
    private static object? FromJson(object? value) => value is JsonElement e ? FromElement(e) : value;

    private static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value), StringComparer.Ordinal).AsReadOnly()
            as IReadOnlyDictionary<string, object?>,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };
}
