using Muster.Formats.Markdown;

namespace Muster.Agents.InfraState;

public enum Verdict
{
    Verified,
    Drifted,
    Unverified,
}

/// <summary>What checking one status-document claim against reality gave.</summary>
internal sealed record ClaimVerdict(StatusClaim Claim, Verdict Verdict, string Scope, string Claimed, string Observed, string Message)
{
    /// <summary>True when the document claims more than was observed (the dangerous direction).</summary>
    public bool OverClaim { get; init; }
}
