namespace Muster.Agents.Inventory;

/// <summary>The workspace-inventory agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record WorkspaceInventorySettings
{
    /// <summary>Files of at least this size are listed as too large to read whole.</summary>
    public int LargeFileBytes { get; init; } = 256 * 1024;
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static WorkspaceInventorySettings From(AgentSettings s) => new()
    {
        LargeFileBytes = s.GetInt("large-file-bytes", 256 * 1024, min: 1),
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
    };
}
