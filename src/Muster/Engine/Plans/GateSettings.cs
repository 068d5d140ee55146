using System.Collections.Immutable;
using Muster.Gates;
using Muster.Model;

namespace Muster.Engine.Plans;

/// <summary>
/// The plan's <c>gates:</c> block. Every gate is on (mode fail) with the seed's defaults unless the plan (or the command
/// line, <see cref="GateModeOverrides"/>) sets its mode or tunes it.
/// </summary>
public sealed record GateSettings
{
    public static GateSettings Default { get; } = new();

    private GateModes _modes = GateModes.Empty;

    /// <summary>The gate's mode and who set it; a gate nobody set is <see cref="GateMode.Fail"/> by default.</summary>
    public (GateMode Mode, GateModeOrigin Origin) ModeOf(string gateId) =>
        _modes.Map.TryGetValue(gateId, out var mode) ? mode : (GateMode.Fail, GateModeOrigin.BuiltIn);

    public GateSettings WithMode(string gateId, GateMode mode, GateModeOrigin origin) =>
        this with { _modes = new GateModes(_modes.Map.SetItem(gateId, (mode, origin))) };

    /// <summary>Compared by content, so two settings with the same modes are equal.</summary>
    private sealed record GateModes(ImmutableSortedDictionary<string, (GateMode Mode, GateModeOrigin Origin)> Map)
    {
        public static GateModes Empty { get; } = new(ImmutableSortedDictionary.Create<string, (GateMode, GateModeOrigin)>(StringComparer.Ordinal));

        public bool Equals(GateModes? other) => other is not null && Map.SequenceEqual(other.Map);

        public override int GetHashCode() => Map.Count;
    }

    /// <summary>Security gate: fails on any open finding of category "security" at or above this severity.</summary>
    public Severity SecuritySeverity { get; init; } = Severity.High;

    /// <summary>Type-check gate: fails when the agents' <c>type_errors</c> add up to more than this.</summary>
    public int MaxTypeErrors { get; init; }

    /// <summary>Tests gate: pass rate (passed ÷ run) at least this, and no skipped or focused tests unless allowed.</summary>
    public double MinPassRate { get; init; } = 1.0;
    public bool AllowSkipped { get; init; }

    /// <summary>Verification gate: no open gap at or above this severity.</summary>
    public Severity VerificationSeverity { get; init; } = Severity.Critical;
}
