namespace Muster.Agents.Diagnostics;

/// <summary>The sleep agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record SleepSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("duration", new SettingType("duration (0s or more)", "3s", "soon"), "1s", "How long it waits."),
        new("wind-down", new SettingType("duration (0s or more)", "3s", "soon"), "0s", "How long it takes to stop once cancelled, like an agent flushing its work."),
    ];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long it takes to stop once cancelled.</summary>
    public TimeSpan WindDown { get; init; } = TimeSpan.Zero;

    /// <exception cref="AgentSettingsException">Not a duration.</exception>
    public static SleepSettings From(AgentSettings s) => new()
    {
        Duration = s.GetDuration("duration", TimeSpan.FromSeconds(1), min: TimeSpan.Zero),
        WindDown = s.GetDuration("wind-down", TimeSpan.Zero, min: TimeSpan.Zero),
    };
}
