using Muster.Model;

namespace Muster.Engine.Plans;

/// <summary>
/// The plan's <c>gates:</c> block. Every gate is on with the seed's defaults unless the plan turns it off or tunes it.
/// </summary>
public sealed record GateSettings
{
    public static GateSettings Default { get; } = new();

    /// <summary>Security gate: fails on any open finding of category "security" at or above this severity.</summary>
    public bool Security { get; init; } = true;
    public Severity SecuritySeverity { get; init; } = Severity.High;

    /// <summary>Type-check gate: fails when the agents' <c>type_errors</c> add up to more than this.</summary>
    public bool TypeCheck { get; init; } = true;
    public int MaxTypeErrors { get; init; }

    /// <summary>Tests gate: pass rate (passed ÷ run) at least this, and no skipped or focused tests unless allowed.</summary>
    public bool Tests { get; init; } = true;
    public double MinPassRate { get; init; } = 1.0;
    public bool AllowSkipped { get; init; }

    /// <summary>Documentation gate: no undocumented service or agent output, no unverified status claim.</summary>
    public bool Documentation { get; init; } = true;

    /// <summary>Verification gate: no open gap at or above this severity.</summary>
    public bool Verification { get; init; } = true;
    public Severity VerificationSeverity { get; init; } = Severity.Critical;
}
