namespace Muster.Agents.Imports;

/// <summary>The imports agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record ImportsSettings
{
    public const int DefaultMaxFileBytes = 2 * 1024 * 1024;
    public static readonly IReadOnlyList<string> Languages = ["python", "javascript"];

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("languages", SettingType.ListOf(Languages), null, "The languages verified.") { Unset = "all of them" },
        new("include", SettingType.Globs, null, "Only sources matching these root-relative globs are read.") { Unset = "every file" },
        new("exclude", SettingType.Globs, null, "Sources matching these globs are not read.") { Unset = "none" },
        new("max-file-bytes", SettingType.WholeNumber(min: 1), $"{DefaultMaxFileBytes}", "Larger sources are not read: an INFO finding `MUSTER-INPUT-NOT-VERIFIED` each, and their imports are not verified."),
    ];

    /// <summary>The languages verified (<see cref="Languages"/>; all when the plan names none).</summary>
    public IReadOnlySet<string> Verified { get; init; } = Languages.ToHashSet(StringComparer.Ordinal);
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or a language not verified.</exception>
    public static ImportsSettings From(AgentSettings s) => new()
    {
        Verified = (s.GetChoices("languages", Languages) is { Count: > 0 } named ? named : Languages).ToHashSet(StringComparer.Ordinal),
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
        MaxFileBytes = s.GetInt("max-file-bytes", DefaultMaxFileBytes, min: 1),
    };
}
