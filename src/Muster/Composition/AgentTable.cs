using System.Globalization;
using System.Text;
using Muster.Agents;

namespace Muster.Composition;

/// <summary>
/// The README's generated section: every registered agent kind from its descriptor (role, default plan, settings, gate
/// metrics, timeouts) and the built-in rule counts. Refreshed with MUSTER_UPDATE_GOLDEN=1; a test fails when stale.
/// </summary>
public static class AgentTable
{
    public const string Begin = "<!-- generated:agents (from the agent descriptors; refresh: MUSTER_UPDATE_GOLDEN=1 dotnet test) -->";
    public const string End = "<!-- /generated:agents -->";

    public static string Render(AgentRegistry registry)
    {
        var md = new StringBuilder();
        md.Append("| Kind | Role | In `muster audit` | Settings (`with:`) | Gate metrics | Timeouts (soft / hard) |\n");
        md.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var d in registry.All)
        {
            var settings = d.SettingKeys is null ? "any" : d.SettingKeys.Count == 0 ? "none" : string.Join(", ", d.SettingKeys.Select(k => $"`{k}`"));
            var metrics = d.Metrics.Count == 0 ? "" : string.Join(", ", d.Metrics.Select(m => $"`{m}`"));
            md.Append(CultureInfo.InvariantCulture,
                $"| `{d.Kind}` | {d.DefaultRole.ToString().ToLowerInvariant()} | {(d.InDefaultPlan ? "yes" : "no")} | {settings} | {metrics} | {Minutes(d.SoftTimeout)} / {Minutes(d.HardTimeout)} |\n");
        }
        md.Append('\n');
        md.Append(CultureInfo.InvariantCulture,
            $"Built-in rules: {Agents.Secrets.SecretRuleSet.BuiltIn.Rules.Count} secret rules ([secrets](docs/secrets.md)), " +
            $"{Agents.ConfigAudit.ConfigRuleCatalog.All.Count} config-audit rules ([config-audit](docs/config-audit.md)).\n");
        return md.ToString();
    }

    /// <summary>The README with its generated section replaced by <paramref name="section"/>.</summary>
    /// <exception cref="InvalidDataException">The README lacks the markers.</exception>
    public static string Replace(string readme, string section)
    {
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidDataException($"README.md has no '{Begin}' ... '{End}' section");
        return readme[..(start + Begin.Length)] + "\n" + section + readme[end..];
    }

    private static string Minutes(TimeSpan t) =>
        t.TotalMinutes >= 1 ? t.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min" : t.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
}
