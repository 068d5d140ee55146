using Muster.Agents.Secrets.History;

namespace Muster.Agents.Secrets;

/// <summary>The secrets agent's <c>with:</c> block, typed; read when the plan is parsed and again when the agent runs.</summary>
internal sealed record SecretsSettings
{
    /// <summary>Root-relative rules file of the plan (the command line's <c>--rules</c> is a run parameter).</summary>
    public string? Rules { get; init; }
    public string? Salt { get; init; }

    /// <summary>Root-relative baseline file, <see cref="SecretsBaseline.NoBaseline"/>, or null for the default file when present.</summary>
    public string? Baseline { get; init; }
    /// <summary>A baseline scan (<c>muster baseline</c>): secret findings carry the key a committed baseline stores.</summary>
    public bool BaselineKeys { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Scanner threads; null: one per processor. Values below 1 run with 1.</summary>
    public int? Threads { get; init; }

    /// <summary>Characters read per chunk; null: the reader's default. Values below 64 Ki are raised to it.</summary>
    public int? ChunkChars { get; init; }

    /// <summary>The plan's <c>history:</c> (all, none, since=REF); null: the command line's <c>--history</c>, else all.</summary>
    public HistoryScope? History { get; init; }

    /// <summary>The plan's <c>history-max-commits:</c>; null: the command line's, else <see cref="HistoryScope.DefaultMaxCommits"/>.</summary>
    public int? HistoryMaxCommits { get; init; }

    /// <exception cref="AgentSettingsException">A value of the wrong type, or an allow-list regex that does not compile.</exception>
    public static SecretsSettings From(AgentSettings settings)
    {
        _ = SecretsAllowList.FromSettings(settings);
        return new SecretsSettings
        {
            Rules = settings.GetString("rules"),
            Salt = settings.GetString("salt"),
            Baseline = settings.GetString("baseline"),
            BaselineKeys = settings.GetBool("baseline-keys", false),
            Include = settings.GetStringList("include"),
            Exclude = settings.GetStringList("exclude"),
            Threads = settings.Has("threads") ? settings.GetInt("threads", 1) : null,
            ChunkChars = settings.Has("chunk-chars") ? settings.GetInt("chunk-chars", 0) : null,
            History = settings.GetString("history") is { } history ? ParseHistory("setting 'history'", history) : null,
            HistoryMaxCommits = settings.Has("history-max-commits") ? ParseMaxCommits("setting 'history-max-commits'", settings.GetString("history-max-commits") ?? "") : null,
        };
    }

    /// <exception cref="AgentSettingsException">Not all, none or since=REF.</exception>
    public static HistoryScope ParseHistory(string source, string text) =>
        HistoryScope.TryParse(text, out var error) ?? throw new AgentSettingsException($"{source}: {error}");

    /// <exception cref="AgentSettingsException">Not a whole number of at least 1.</exception>
    public static int ParseMaxCommits(string source, string text) =>
        HistoryScope.TryParseMaxCommits(text, out var error) ?? throw new AgentSettingsException($"{source} {error}");
}
