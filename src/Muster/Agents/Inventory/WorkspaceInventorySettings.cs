namespace Muster.Agents.Inventory;

/// <summary>The workspace-inventory agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record WorkspaceInventorySettings
{
    public const int DefaultLargeFileBytes = 256 * 1024;

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("large-file-bytes", SettingType.WholeNumber(min: 1), $"{DefaultLargeFileBytes}", "Files of at least this size are listed as too large to read whole."),
        new("include", SettingType.Globs, null, "Only files matching these root-relative globs are counted.") { Unset = "every file" },
        new("exclude", SettingType.Globs, null, "Files matching these globs are not counted.") { Unset = "none" },
    ];

    /// <summary>Files of at least this size are listed as too large to read whole.</summary>
    public int LargeFileBytes { get; init; } = DefaultLargeFileBytes;
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static WorkspaceInventorySettings From(AgentSettings s) => new()
    {
        LargeFileBytes = s.GetInt("large-file-bytes", DefaultLargeFileBytes, min: 1),
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
    };
}
