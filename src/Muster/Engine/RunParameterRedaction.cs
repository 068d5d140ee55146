using System.Text.RegularExpressions;
using Muster.Agents;

namespace Muster.Engine;

/// <summary>
/// Run parameters that look like credentials are never journaled: a parameter whose name has a credential word as a
/// word part (api_token, dbPassword, AUTH) or whose value the secret scrubber would redact is stored as
/// <see cref="Redacted"/>. Agents still get the real value in the run that received it; a resume must be given it
/// again with --set.
/// </summary>
public static partial class RunParameterRedaction
{
    public const string Redacted = "***redacted***";

    private static readonly HashSet<string> CredentialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "key", "secret", "password", "passwd", "pwd", "auth", "credential", "credentials", "apikey",
    };

    // Long enough to be unambiguous inside a compound name (dbpassword, clientsecret).
    private static readonly string[] CredentialInfixes = ["password", "passwd", "secret", "credential", "apikey"];

    public static bool IsCredentialName(string name) =>
        WordParts().Matches(name).Any(m => CredentialWords.Contains(m.Value))
        || CredentialInfixes.Any(i => name.Contains(i, StringComparison.OrdinalIgnoreCase));

    public static bool IsSensitive(string name, string value, ISecretScrubber scrubber) =>
        IsCredentialName(name) || (value.Length > 0 && !string.Equals(scrubber.Scrub(value), value, StringComparison.Ordinal));

    public static IReadOnlyDictionary<string, string> ForJournal(IReadOnlyDictionary<string, string> parameters, ISecretScrubber scrubber) =>
        parameters.ToDictionary(p => p.Key, p => IsSensitive(p.Key, p.Value, scrubber) ? Redacted : p.Value, StringComparer.Ordinal);

    /// <summary>The journaled parameters with the redacted ones filled from <paramref name="given"/>.</summary>
    /// <exception cref="MissingRunParameterException">A redacted parameter was not given again.</exception>
    public static IReadOnlyDictionary<string, string> ForResume(string runId, IReadOnlyDictionary<string, string> journaled, IReadOnlyDictionary<string, string> given)
    {
        var missing = journaled.Where(p => p.Value == Redacted && !given.ContainsKey(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new MissingRunParameterException(
                $"run '{runId}' had credential-like parameters that are not stored in the journal ({string.Join(", ", missing)}); " +
                $"pass them again: muster resume {runId} {string.Join(" ", missing.Select(m => $"--set {m}=..."))}");
        }
        return Known(journaled, given);
    }

    /// <summary>The journaled parameters whose values the journal kept, with <paramref name="given"/> over them.</summary>
    public static IReadOnlyDictionary<string, string> Known(IReadOnlyDictionary<string, string> journaled, IReadOnlyDictionary<string, string> given)
    {
        var merged = journaled.Where(p => p.Value != Redacted).ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in given) merged[name] = value;
        return merged;
    }

    // Word parts of a name: split at separators and at lower-to-upper case changes (apiToken -> api, Token).
    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordParts();
}
