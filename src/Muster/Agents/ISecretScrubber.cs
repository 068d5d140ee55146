namespace Muster.Agents;

/// <summary>Rewrites text so that no secret it contains survives whole.</summary>
public interface ISecretScrubber
{
    string Scrub(string text);
}

/// <summary>Used when no detector is registered: leaves text as it is.</summary>
public sealed class NoSecretScrubber : ISecretScrubber
{
    public static readonly NoSecretScrubber Instance = new();

    public string Scrub(string text) => text;
}
