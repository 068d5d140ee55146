namespace Muster.Agents.ConfigAudit;

/// <summary>All config-audit rules, in report/doc order.</summary>
internal static class ConfigRuleCatalog
{
    public static IReadOnlyList<IConfigRule> All { get; } =
    [
        .. ComposeRules.All, .. DockerfileRules.All, .. NginxRules.All, .. NginxRules.Selection, .. EnvRules.All, .. ShellScriptRules.All,
    ];
}
