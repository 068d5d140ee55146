namespace Muster.Agents.TestHygiene;

/// <summary>The test-hygiene agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record TestHygieneSettings
{
    public const int DefaultMaxFileBytes = 2 * 1024 * 1024;

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("include", SettingType.Globs, null, "Only files matching these root-relative globs are read.") { Unset = "every file" },
        new("exclude", SettingType.Globs, null, "Files matching these globs are not read.") { Unset = "none" },
        new("max-file-bytes", SettingType.WholeNumber(min: 1), $"{DefaultMaxFileBytes}", "Larger test files and C# sources are not read: an INFO finding `MUSTER-INPUT-NOT-VERIFIED` each."),
    ];

    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static TestHygieneSettings From(AgentSettings s) => new()
    {
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
        MaxFileBytes = s.GetInt("max-file-bytes", DefaultMaxFileBytes, min: 1),
    };
}
