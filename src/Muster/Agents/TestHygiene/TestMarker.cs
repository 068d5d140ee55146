namespace Muster.Agents.TestHygiene;

/// <summary>One disabled, focused or placeholder test (or suite) at a 1-based line and column; <see cref="Pattern"/> is what was written.</summary>
internal sealed record TestMarker(TestMarkerKind Kind, string Pattern, int Line, int Column);
