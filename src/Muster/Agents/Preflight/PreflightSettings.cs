namespace Muster.Agents.Preflight;

/// <summary>The preflight agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record PreflightSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("state", SettingType.Path, null, "The run's state folder (relative to the root, or absolute), checked to be creatable and writable.") { Unset = "not checked" },
        new("output", SettingType.Path, null, "The report folder (relative to the root, or absolute), checked to be creatable and writable.") { Unset = "not checked" },
        new("min-free-mb", SettingType.WholeNumber(min: 0), "100", "Megabytes that must be free on the state folder's disk."),
        new("env", SettingType.Names, null, "Environment variables checked as credentials (present and well-formed for their provider), beyond those the plan's agents name.") { Unset = "none" },
    ];

    /// <summary>The run's state folder, relative to the root or absolute; null: not checked.</summary>
    public string? State { get; init; }

    /// <summary>The report folder, relative to the root or absolute; null: not checked.</summary>
    public string? Output { get; init; }
    public int MinFreeMegabytes { get; init; } = 100;

    /// <summary>Environment variables checked as credentials, beyond those the plan's agents name.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range.</exception>
    public static PreflightSettings From(AgentSettings s) => new()
    {
        State = s.GetString("state"),
        Output = s.GetString("output"),
        MinFreeMegabytes = s.GetInt("min-free-mb", 100, min: 0),
        Environment = s.GetStringList("env"),
    };
}
