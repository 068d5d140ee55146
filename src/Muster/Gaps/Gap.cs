using Muster.Model;

namespace Muster.Gaps;

/// <summary>
/// One thing to fix: the findings one fix closes (one finding, or every finding sharing a <c>gap-group</c>), with
/// who fixes it, how long it takes and what it is worth.
/// </summary>
public sealed record Gap
{
    /// <summary>Stable across runs for the same problem ("GAP-" + 8 hex of the group key's hash).</summary>
    public required string Id { get; init; }

    /// <summary>What groups the findings: "group:VALUE" from <c>gap-group</c>, else "fingerprint:FP".</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    /// <summary>What to do: the rule's <c>action</c> property, else its remediation's first line, else "Fix: title".</summary>
    public required string Action { get; init; }

    /// <summary>The worst severity of its findings.</summary>
    public required Severity Severity { get; init; }

    public required string Category { get; init; }
    public required string Owner { get; init; }

    /// <summary>Where the owner came from: a CODEOWNERS path, "plan owners: KEY" or "default for category".</summary>
    public required string OwnerSource { get; init; }

    public required string Effort { get; init; }
    public required string Impact { get; init; }

    /// <summary>Every location of its findings, by path then line; findings without one add nothing.</summary>
    public required IReadOnlyList<SourceLocation> Locations { get; init; }

    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>Fingerprints of its findings, ordinal order.</summary>
    public required IReadOnlyList<string> Fingerprints { get; init; }

    public ActionPriority Priority => ActionPriorities.Of(Severity);
}
