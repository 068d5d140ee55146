using System.Globalization;
using Muster.Agents.Dependencies.Osv;
using Muster.Formats.Packages.Model;
using Muster.Model;

namespace Muster.Agents.Dependencies;

/// <summary>
/// Whether the database covers what the inventory needs: an ecosystem the workspace uses but the database holds no
/// advisory for was not checked, and one whose advisories are older than the threshold may miss recent ones.
/// </summary>
internal static class OsvCoverage
{
    public const int DefaultMaxAgeDays = 7;

    public static IEnumerable<Finding> Findings(DependencyInventory inventory, IReadOnlyList<OsvFreshness> freshness, string dbPath, int maxAgeDays)
    {
        foreach (var count in inventory.Counts().Where(c => c.Packages > 0))
        {
            var name = count.Ecosystem.ToOsvName();
            // At the ecosystem's first manifest, so SARIF has a location and it is the file whose packages were not checked.
            var location = inventory.Packages.Where(p => p.Ecosystem == count.Ecosystem).Select(p => p.ManifestPath)
                .Order(StringComparer.Ordinal).Select(p => new SourceLocation(p, 1)).FirstOrDefault();
            var ecosystem = freshness.FirstOrDefault(f => f.Ecosystem == name);
            if (ecosystem is null)
            {
                yield return new Finding
                {
                    RuleId = "DEP-VULN-UNCHECKED",
                    Title = $"OSV database holds no {name} advisory",
                    Severity = Severity.Info,
                    Category = HygieneChecks.Category,
                    Message = $"The OSV database at '{dbPath}' holds no {name} advisory, so the {count.Packages} {name} packages were not checked for known vulnerabilities: unverified, not clean.",
                    Location = location,
                    Remediation = $"Run `muster osv update --ecosystems {name}`, or add the {name} export to the database.",
                    Properties = new Dictionary<string, string> { ["ecosystem"] = name },
                }.WithDefaultFingerprint(name);
            }
            // Judged only on the date a download record gives: a hand-made database's newest "modified" says when its
            // advisories were written, not when it was exported.
            else if (ecosystem is { AgeDays: { } age, AsOf: { } asOf, Recorded: true } && age > maxAgeDays)
            {
                yield return new Finding
                {
                    RuleId = "DEP-OSV-STALE",
                    Title = $"{name} advisories are {OsvFreshness.DaysOld(age)}",
                    Severity = Severity.Medium,
                    Category = HygieneChecks.Category,
                    Message = $"The {name} advisories of the OSV database at '{dbPath}' are as of {asOf.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} " +
                              $"({OsvFreshness.DaysOld(age)}, date from {ecosystem.Basis}), over the {maxAgeDays}-day threshold (setting osv-max-age-days): " +
                              "vulnerabilities published since then were not checked.",
                    Location = location,
                    Remediation = $"Run `muster osv update --ecosystems {name}` before the audit (or raise osv-max-age-days if an older database is intended).",
                    Properties = new Dictionary<string, string>
                    {
                        ["ecosystem"] = name,
                        ["as_of"] = asOf.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["age_days"] = age.ToString(CultureInfo.InvariantCulture),
                    },
                }.WithDefaultFingerprint(name);
            }
        }
    }

    /// <summary>
    /// "npm: 12 advisories as of 2026-12-01 (3 days old), PyPI: ...; 40 advisories of 2 other ecosystem(s) ...; ". An
    /// ecosystem over the threshold is marked STALE here whatever its date's source; only a recorded one is a finding.
    /// </summary>
    public static string Describe(IReadOnlyList<OsvFreshness> freshness, int maxAgeDays)
    {
        var audited = freshness.Where(f => EcosystemNames.FromOsvName(f.Ecosystem) is not null).ToList();
        var others = freshness.Where(f => EcosystemNames.FromOsvName(f.Ecosystem) is null).ToList();
        var text = audited.Count == 0 ? "no npm, PyPI or NuGet advisories"
            : string.Join(", ", audited.Select(f => f.AgeDays > maxAgeDays ? $"{f} STALE: over the {maxAgeDays}-day threshold" : f.ToString()));
        if (others.Count > 0)
        {
            text += $"; {others.Sum(o => o.Advisories).ToString("N0", CultureInfo.InvariantCulture)} advisories of {others.Count} other ecosystem(s) not audited by Muster";
        }
        return text + "; ";
    }
}
