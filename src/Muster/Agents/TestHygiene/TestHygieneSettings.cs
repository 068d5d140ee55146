namespace Muster.Agents.TestHygiene;

/// <summary>The test-hygiene agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record TestHygieneSettings
{
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int MaxFileBytes { get; init; } = 2 * 1024 * 1024;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static TestHygieneSettings From(AgentSettings s) => new()
    {
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
        MaxFileBytes = s.GetInt("max-file-bytes", 2 * 1024 * 1024, min: 1),
    };
}
