namespace Muster.Agents.Mcp;

/// <summary>What verifying one server showed: whether it started, answered the handshake and how many tools it lists.</summary>
public sealed record McpProbeResult(McpProbeStatus Status, bool Started, bool Answered, int? ToolCount, string Detail, TimeSpan Elapsed)
{
    public string? ServerName { get; init; }
    public string? ServerVersion { get; init; }
    public IReadOnlyList<string> Tools { get; init; } = [];
}
