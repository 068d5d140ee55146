using Muster.Formats.Markdown;

namespace Muster.Agents.AgentDefinitions;

/// <summary>The agent-definitions agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record AgentDefinitionsSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("max-file-bytes", SettingType.WholeNumber(min: 1), $"{AgentDefinitionReader.DefaultMaxBytes}", "Larger definition files are not read (`MUSTER-INPUT-NOT-VERIFIED`)."),
        new(StatusDocuments.MaxBytesSetting, SettingType.WholeNumber(min: 1), $"{StatusDocuments.MaxBytes}", "Larger status documents are not read: their agent-count claims are not verified."),
    ];

    public int MaxFileBytes { get; init; } = (int)AgentDefinitionReader.DefaultMaxBytes;
    public int MaxDocumentBytes { get; init; } = (int)StatusDocuments.MaxBytes;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static AgentDefinitionsSettings From(AgentSettings s) => new()
    {
        MaxFileBytes = s.GetInt("max-file-bytes", (int)AgentDefinitionReader.DefaultMaxBytes, min: 1),
        MaxDocumentBytes = s.GetInt(StatusDocuments.MaxBytesSetting, (int)StatusDocuments.MaxBytes, min: 1),
    };
}
