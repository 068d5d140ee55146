namespace Muster.Agents.Secrets.Staged;

/// <summary>The run parameter <c>muster audit --staged</c> sets: the secrets agent then reads git's index, not the tree.</summary>
public static class StagedScope
{
    public const string RunParameter = "secrets.staged";
}
