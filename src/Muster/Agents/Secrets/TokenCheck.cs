namespace Muster.Agents.Secrets;

/// <summary>What a format's own checksum says about a matched token.</summary>
internal enum TokenCheck
{
    /// <summary>The format has no checksum, or this match is not in the checksummed shape.</summary>
    NotApplicable,

    /// <summary>The checksum verifies: a real token (or a real-format test token), not a hand-typed sample.</summary>
    Verified,

    /// <summary>The checksum does not verify: a sample, a typo or a truncated copy.</summary>
    Failed,
}
