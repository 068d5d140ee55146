namespace Muster.Agents.ConfigAudit;

/// <summary>The config-audit agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record ConfigAuditSettings
{
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Ids of <see cref="ConfigRuleCatalog"/> rules not checked, as the catalog spells them.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>();
    public int MaxFileBytes { get; init; } = 1024 * 1024;
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public string? NginxPrefix { get; init; }

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or a rule id the catalog does not hold.</exception>
    public static ConfigAuditSettings From(AgentSettings s) => new()
    {
        Include = s.GetStringList("include"),
        Exclude = s.GetStringList("exclude"),
        Disabled = s.GetChoices("disable", ConfigRuleCatalog.All.Select(r => r.Id).ToList()).ToHashSet(StringComparer.Ordinal),
        MaxFileBytes = s.GetInt("max-file-bytes", 1024 * 1024, min: 1),
        GitTimeout = s.GetDuration("git-timeout", TimeSpan.FromSeconds(20), min: TimeSpan.FromMilliseconds(1)),
        NginxPrefix = s.GetString("nginx-prefix"),
    };
}
