namespace Muster.Reports.History;

/// <summary>A gap compared with the previous run of the same journal.</summary>
public enum GapState
{
    /// <summary>Not in the previous run (or there is no previous run).</summary>
    New,

    /// <summary>In the previous run and in this one.</summary>
    Persisting,

    /// <summary>In the previous run, gone now, and every agent that reported it succeeded this time: verified fixed.</summary>
    Fixed,

    /// <summary>In the previous run, gone now because a baseline or allow-list hides all its findings.</summary>
    Suppressed,

    /// <summary>In the previous run, gone now, but an agent that reported it did not succeed this time: not re-checked.</summary>
    Unverified,
}
