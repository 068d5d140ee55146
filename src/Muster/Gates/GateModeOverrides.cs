using Muster.Engine.Plans;

namespace Muster.Gates;

/// <summary>A gate given a mode from outside the plan (today the command line's <c>--gate NAME=MODE</c>).</summary>
public sealed record GateModeOverride(string GateId, GateMode Mode, GateModeOrigin Origin);

/// <summary>
/// Gate modes layered over the plan's: each source's overrides are applied in increasing precedence (built-in default,
/// plan, then these in order), so a later source wins. A repository config would add its own layer before the command line's.
/// </summary>
public sealed class GateModeOverrides
{
    public static GateModeOverrides None { get; } = new([]);

    private readonly IReadOnlyList<GateModeOverride> _overrides;

    public GateModeOverrides(IReadOnlyList<GateModeOverride> overrides) => _overrides = overrides;

    public IReadOnlyList<GateModeOverride> Overrides => _overrides;

    /// <summary><c>NAME=fail|warn|off</c> specs; NAME is a gate's id or display name, case-insensitive.</summary>
    /// <exception cref="ArgumentException">A spec that is not NAME=MODE, an unknown gate or mode; the message names the known ones.</exception>
    public static GateModeOverrides Parse(IEnumerable<string> specs, GateModeOrigin origin)
    {
        var overrides = new List<GateModeOverride>();
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--gate expects NAME={string.Join("|", Enum.GetValues<GateMode>().Select(m => m.ToKey()))}, not '{spec}'; gates: {string.Join(", ", GateNames.Ids)}");
            var name = spec[..eq];
            var id = GateNames.Resolve(name) ?? throw new ArgumentException(UnknownGate(name));
            if (!GateModeText.TryParse(spec[(eq + 1)..], out var mode))
                throw new ArgumentException($"--gate {name}: mode must be {GateModeText.Choices}, not '{spec[(eq + 1)..]}'");
            overrides.Add(new GateModeOverride(id, mode, origin));
        }
        return new GateModeOverrides(overrides);
    }

    public GateSettings ApplyTo(GateSettings settings) =>
        _overrides.Aggregate(settings, (s, o) => s.WithMode(o.GateId, o.Mode, o.Origin));

    private static string UnknownGate(string name)
    {
        var close = Suggest.Closest(name, GateNames.Ids);
        return $"--gate: unknown gate '{name}'; " + (close is null ? "" : $"did you mean '{close}'? ") + "known gates: " + string.Join(", ", GateNames.Ids);
    }
}
