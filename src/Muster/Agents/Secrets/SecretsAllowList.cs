using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Muster.Agents.Secrets;

/// <summary>Configured exceptions: path globs, regexes over the secret value, and finding fingerprints.</summary>
internal sealed class SecretsAllowList
{
    private readonly Matcher? _paths;
    private readonly IReadOnlyList<Regex> _regexes;
    private readonly HashSet<string> _fingerprints;

    public SecretsAllowList(IReadOnlyList<string> paths, IReadOnlyList<string> regexes, IReadOnlyList<string> fingerprints)
    {
        if (paths.Count > 0)
        {
            _paths = new Matcher(StringComparison.Ordinal);
            foreach (var glob in paths) _paths.AddInclude(glob);
        }
        _regexes = regexes.Select(r =>
        {
            try
            {
                return new Regex(r, RegexOptions.CultureInvariant, SecretRuleSet.MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new AgentSettingsException($"setting 'allow-regexes': '{r}' is not a valid regex: {e.Message}") { Key = "allow-regexes" };
            }
        }).ToList();
        _fingerprints = new HashSet<string>(fingerprints, StringComparer.Ordinal);
    }

    public static SecretsAllowList FromSettings(AgentSettings settings) =>
        new(settings.GetStringList("allow-paths"), settings.GetStringList("allow-regexes"), settings.GetStringList("allow-fingerprints"));

    public bool AllowsPath(string relativePath) => _paths is not null && _paths.Match(relativePath).HasMatches;

    public bool AllowsSecret(string secret)
    {
        foreach (var regex in _regexes)
        {
            try
            {
                if (regex.IsMatch(secret)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                // A regex too slow to decide does not allow anything.
            }
        }
        return false;
    }

    public bool AllowsFingerprint(string fingerprint) => _fingerprints.Contains(fingerprint);
}
