using Orleans.Configuration;

namespace Muster.Cluster;

/// <summary>
/// Timings that decide how fast a dead worker is noticed. Orleans' defaults (30 s response timeout, three missed
/// 5 s probes, two votes) would leave an agent of a SIGKILLed worker waiting half a minute; here the coordinator's own
/// bound on every call decides, and membership follows within a few seconds.
/// </summary>
public static class ClusterTuning
{
    /// <summary>No call to a worker takes longer: attempts are started and polled, never awaited in one call.</summary>
    public static TimeSpan CallTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one poll waits for an attempt to finish; a dead worker is noticed within this and the call timeout.</summary>
    public static TimeSpan PollWait { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the coordinator reuses what workers said of themselves before asking again.</summary>
    public static TimeSpan DirectoryFreshness { get; } = TimeSpan.FromSeconds(2);

    public static void Membership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 1;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>Orleans' own bound, a little past the coordinator's: the coordinator's decides.</summary>
    public static void Messaging(MessagingOptions options) => options.ResponseTimeout = CallTimeout + TimeSpan.FromSeconds(2);
}
