namespace Muster.Agents.ConfigAudit;

/// <summary>The config-audit agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record ConfigAuditSettings
{
    public const int DefaultMaxFileBytes = 1024 * 1024;

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("include", SettingType.Globs, null, "Only files matching these root-relative globs are read.") { Unset = "every file" },
        new("exclude", SettingType.Globs, null, "Files matching these globs are not read.") { Unset = "none" },
        new("disable", new SettingType("list of rule ids", "[MUSTER-COMPOSE-013]", "[MUSTER-NO-SUCH-RULE]"), null, "Rule ids not checked, as this page lists them.") { Unset = "none" },
        new("max-file-bytes", SettingType.WholeNumber(min: 1), $"{DefaultMaxFileBytes}", "Larger config files (except `.env` files, always read) are not read: each is an INFO finding `MUSTER-INPUT-NOT-VERIFIED`."),
        new("git-timeout", SettingType.Duration, "20s", "Bound for each of the three `git ls-files` calls."),
        new("nginx-prefix", SettingType.Path, null, "Root-relative folder that relative nginx `include`s resolve against (as `nginx -p`).") { Unset = "the main config's folder" },
    ];

    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Ids of <see cref="ConfigRuleCatalog"/> rules not checked, as the catalog spells them.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>();
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public string? NginxPrefix { get; init; }

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or a rule id the catalog does not hold.</exception>
    public static ConfigAuditSettings From(AgentSettings s) => new()
    {
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
        Disabled = s.GetChoices("disable", ConfigRuleCatalog.All.Select(r => r.Id).ToList()).ToHashSet(StringComparer.Ordinal),
        MaxFileBytes = s.GetInt("max-file-bytes", DefaultMaxFileBytes, min: 1),
        GitTimeout = s.GetDuration("git-timeout", TimeSpan.FromSeconds(20), min: TimeSpan.FromMilliseconds(1)),
        NginxPrefix = s.GetString("nginx-prefix"),
    };
}
