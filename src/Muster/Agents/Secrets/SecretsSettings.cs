using Muster.Agents.Secrets.History;
using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>The secrets agent's <c>with:</c> block, typed; read when the plan is parsed and again when the agent runs.</summary>
internal sealed record SecretsSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("rules", SettingType.Path, null, "A YAML rule file, relative to the root, that extends the built-in rules. `--rules FILE` on the command line (run parameter `rules`, relative to the working directory) does the same; the plan's setting wins.") { Unset = "the built-in rules" },
        new("include", SettingType.Globs, null, "Only files matching these globs over root-relative paths (`**/*.log`) are scanned.") { Unset = "every file" },
        new("exclude", SettingType.Globs, null, "Files matching these globs are not scanned.") { Unset = "none" },
        new("salt", SettingType.Text, null, "The fingerprint salt.") { Unset = "`.muster/salt` under the root if it exists, else `salt` in the state folder (created with 32 random bytes on first use)" },
        new("baseline", SettingType.Path, null, $"A baseline file (relative to the root, or absolute) written by `muster baseline PATH`: its findings are marked and listed as suppressed. `{SecretsBaseline.NoBaseline}` reads none.") { Unset = $"`{SecretsBaseline.DefaultRelativePath}` (muster.yaml's `baseline:` when set), else the deprecated `{SecretsBaseline.LegacyRelativePath}`, when present" },
        new("allow-paths", SettingType.Globs, null, "Files matching these globs are never scanned.") { Unset = "none" },
        new("allow-regexes", SettingType.Regexes, null, "A secret value matching one of these regexes is not reported.") { Unset = "none" },
        new("allow-fingerprints", SettingType.Texts, null, "Findings with these fingerprints are not reported.") { Unset = "none" },
        new("threads", SettingType.WholeNumber(), null, "Files scanned in parallel; values below 1 run with 1.") { Unset = "the processor count" },
        new("chunk-chars", SettingType.WholeNumber(), null, "Characters read per chunk; values below 65536 are raised to it.") { Unset = $"{ChunkedTextReader.DefaultChunkChars}" },
        new("history", new SettingType($"`{HistoryScope.Allowed.Replace(", ", "`, `", StringComparison.Ordinal).Replace(" or ", "` or `", StringComparison.Ordinal)}`", "since=HEAD", "some"), null, "Which git history is scanned: every commit reachable from HEAD, none, or the commits not reachable from REF. `--history` wins.") { Unset = "`--history`, else `all`" },
        new("history-max-commits", SettingType.WholeNumber(min: 1), null, "Most commits of history scanned; `--history-max-commits` wins.") { Unset = $"`--history-max-commits`, else {HistoryScope.DefaultMaxCommits}" },
        new("baseline-keys", SettingType.Flag, "false", "Set by `muster baseline` only: every secret finding carries the key a committed baseline stores for it (`baseline-key` property)."),
    ];

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
