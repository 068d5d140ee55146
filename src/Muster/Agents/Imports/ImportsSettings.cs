namespace Muster.Agents.Imports;

/// <summary>The imports agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record ImportsSettings
{
    public static readonly IReadOnlyList<string> Languages = ["python", "javascript"];

    /// <summary>The languages verified (<see cref="Languages"/>; all when the plan names none).</summary>
    public IReadOnlySet<string> Verified { get; init; } = Languages.ToHashSet(StringComparer.Ordinal);
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int MaxFileBytes { get; init; } = 2 * 1024 * 1024;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or a language not verified.</exception>
    public static ImportsSettings From(AgentSettings s) => new()
    {
        Verified = (s.GetChoices("languages", Languages) is { Count: > 0 } named ? named : Languages).ToHashSet(StringComparer.Ordinal),
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
        MaxFileBytes = s.GetInt("max-file-bytes", 2 * 1024 * 1024, min: 1),
    };
}
