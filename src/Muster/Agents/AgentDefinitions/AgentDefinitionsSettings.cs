using Muster.Formats.Markdown;

namespace Muster.Agents.AgentDefinitions;

/// <summary>The agent-definitions agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record AgentDefinitionsSettings
{
    public int MaxFileBytes { get; init; } = (int)AgentDefinitionReader.DefaultMaxBytes;
    public int MaxDocumentBytes { get; init; } = (int)StatusDocuments.MaxBytes;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static AgentDefinitionsSettings From(AgentSettings s) => new()
    {
        MaxFileBytes = s.GetInt("max-file-bytes", (int)AgentDefinitionReader.DefaultMaxBytes, min: 1),
        MaxDocumentBytes = s.GetInt(StatusDocuments.MaxBytesSetting, (int)StatusDocuments.MaxBytes, min: 1),
    };
}
