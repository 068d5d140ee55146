namespace Muster.Agents.Dependencies.Osv;

/// <summary>What one ecosystem of a database holds: how many advisories name it, and the newest <c>modified</c> among them.</summary>
public sealed class OsvEcosystemStats
{
    public int Advisories { get; internal set; }
    public DateTimeOffset? NewestModified { get; internal set; }

    internal void Count(DateTimeOffset? modified)
    {
        Advisories++;
        if (modified is { } m && (NewestModified is null || m > NewestModified)) NewestModified = m;
    }
}
