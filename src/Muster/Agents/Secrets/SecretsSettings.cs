namespace Muster.Agents.Secrets;

/// <summary>The secrets agent's <c>with:</c> block, typed; read when the plan is parsed and again when the agent runs.</summary>
internal sealed record SecretsSettings
{
    /// <summary>Root-relative rules file of the plan (the command line's <c>--rules</c> is a run parameter).</summary>
    public string? Rules { get; init; }
    public string? Salt { get; init; }

    /// <summary>Root-relative baseline file, <see cref="SecretsBaseline.NoBaseline"/>, or null for the default file when present.</summary>
    public string? Baseline { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Scanner threads; null: one per processor. Values below 1 run with 1.</summary>
    public int? Threads { get; init; }

    /// <summary>Characters read per chunk; null: the reader's default. Values below 64 Ki are raised to it.</summary>
    public int? ChunkChars { get; init; }

    /// <exception cref="AgentSettingsException">A value of the wrong type, or an allow-list regex that does not compile.</exception>
    public static SecretsSettings From(AgentSettings settings)
    {
        _ = SecretsAllowList.FromSettings(settings);
        return new SecretsSettings
        {
            Rules = settings.GetString("rules"),
            Salt = settings.GetString("salt"),
            Baseline = settings.GetString("baseline"),
            Include = settings.GetStringList("include"),
            Exclude = settings.GetStringList("exclude"),
            Threads = settings.Has("threads") ? settings.GetInt("threads", 1) : null,
            ChunkChars = settings.Has("chunk-chars") ? settings.GetInt("chunk-chars", 0) : null,
        };
    }
}
