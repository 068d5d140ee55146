using Muster.Agents.Secrets;
using Muster.Engine.Plans;

namespace Muster.Runs;

/// <summary>
/// Fingerprints that a baseline hides, so a gap that left because <c>muster baseline</c> recorded it reads
/// "suppressed", never "fixed". Read from the baseline files as they are now (the plan's <c>baseline:</c> settings, else
/// the default file under the root).
/// </summary>
public static class SuppressedFindings
{
    public static IReadOnlySet<string> Of(string root, Plan? plan)
    {
        var files = plan?.AllAgents.Where(a => a.Kind == "secrets").Select(a => a.Settings.Has("baseline") ? a.Settings.GetString("baseline") : SecretsBaseline.DefaultRelativePath).ToList()
                    ?? [SecretsBaseline.DefaultRelativePath];
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.OfType<string>().Where(f => f != SecretsBaseline.NoBaseline).Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path)) continue;
            try
            {
                fingerprints.UnionWith(SecretsBaseline.Load(path).Entries.Select(e => e.Fingerprint));
            }
            catch (InvalidDataException)
            {
                // The secrets agent reports a baseline it cannot read; nothing counts as suppressed by it.
            }
        }
        return fingerprints;
    }
}
