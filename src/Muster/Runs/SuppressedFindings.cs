using Muster.Agents.Secrets;
using Muster.Engine.Plans;
using Muster.Reports;

namespace Muster.Runs;

/// <summary>
/// Fingerprints that a baseline hides, so a gap that left because <c>muster baseline</c> recorded it reads
/// "suppressed", never "fixed". Read from the baseline files as they are now (the plan's <c>baseline:</c> settings, else
/// the default file under the root).
/// </summary>
public static class SuppressedFindings
{
    /// <param name="suppressed">What this run's suppression step hid (their fingerprints count too).</param>
    public static IReadOnlySet<string> Of(string root, Plan? plan, IEnumerable<SuppressedFinding>? suppressed = null)
    {
        string?[] defaults = [SecretsBaseline.DefaultRelativePath, SecretsBaseline.LegacyRelativePath];
        var files = plan?.AllAgents.Where(a => a.Kind == "secrets").SelectMany(a => a.Settings.Has("baseline") ? [a.Settings.GetString("baseline")] : defaults).ToList()
                    ?? [.. defaults];
        var fingerprints = new HashSet<string>((suppressed ?? []).Select(s => s.Finding.Fingerprint).Where(f => f.Length > 0), StringComparer.Ordinal);
        foreach (var file in files.OfType<string>().Where(f => f != SecretsBaseline.NoBaseline).Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path)) continue;
            try
            {
                fingerprints.UnionWith(SecretsBaseline.Load(path).Entries.Select(e => e.Fingerprint).OfType<string>());
            }
            catch (InvalidDataException)
            {
                // The secrets agent reports a baseline it cannot read; nothing counts as suppressed by it.
            }
        }
        return fingerprints;
    }
}
