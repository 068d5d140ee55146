using Muster.Formats.Markdown;

namespace Muster.Agents.Mcp;

/// <summary>The mcp-servers agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record McpServersSettings
{
    public const int DefaultMaxFileBytes = 1024 * 1024;

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("start-servers", SettingType.Flag, "false", "Start stdio servers for the MCP handshake (the run parameter `mcp.start-servers` also turns it on)."),
        new("timeout", SettingType.Duration, "15s", "Per server, for starting it and its handshake."),
        new("max-file-bytes", SettingType.WholeNumber(min: 1), $"{DefaultMaxFileBytes}", "Larger MCP configurations are not read (`MUSTER-INPUT-NOT-VERIFIED`): their servers are not verified."),
        new(StatusDocuments.MaxBytesSetting, SettingType.WholeNumber(min: 1), $"{StatusDocuments.MaxBytes}", "Larger status documents are not read: their MCP claims are not verified."),
        new("parallel", SettingType.WholeNumber(min: 1, max: 64), "4", "Servers verified at once."),
    ];

    /// <summary>Start stdio servers for the handshake (the run parameter <c>mcp.start-servers</c> also turns it on).</summary>
    public bool StartServers { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;
    public int MaxDocumentBytes { get; init; } = (int)StatusDocuments.MaxBytes;

    /// <summary>Servers verified at once.</summary>
    public int Parallel { get; init; } = 4;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static McpServersSettings From(AgentSettings s) => new()
    {
        StartServers = s.GetBool("start-servers", false),
        Timeout = s.GetDuration("timeout", TimeSpan.FromSeconds(15), min: TimeSpan.FromMilliseconds(1)),
        MaxFileBytes = s.GetInt("max-file-bytes", DefaultMaxFileBytes, min: 1),
        MaxDocumentBytes = s.GetInt(StatusDocuments.MaxBytesSetting, (int)StatusDocuments.MaxBytes, min: 1),
        Parallel = s.GetInt("parallel", 4, min: 1, max: 64),
    };
}
