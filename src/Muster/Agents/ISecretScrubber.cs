namespace Muster.Agents;

/// <summary>Rewrites text so that no secret it contains survives whole.</summary>
public interface ISecretScrubber
{
    string Scrub(string text);

    /// <summary>
    /// Tells the scrubber a value the secrets agent found, so it is redacted wherever it appears from now on, even in
    /// text no rule would match (a claim line, a tool's message). Only a run-scoped scrubber keeps these; the rest
    /// ignore them. Values are held in memory only, never written anywhere.
    /// </summary>
    void Remember(string secret)
    {
    }

    /// <summary>
    /// The text of each user rule file it redacts with beyond the built-in rules, so a scrubber elsewhere (a cluster
    /// worker) can be built with the same rules; empty for the built-in rules alone.
    /// </summary>
    IReadOnlyList<string> UserRules => [];
}

/// <summary>Used when no detector is registered: leaves text as it is.</summary>
public sealed class NoSecretScrubber : ISecretScrubber
{
    public static readonly NoSecretScrubber Instance = new();

    public string Scrub(string text) => text;
}
