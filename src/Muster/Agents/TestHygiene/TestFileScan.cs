namespace Muster.Agents.TestHygiene;

/// <summary>What one test file holds: how many tests it declares and its skip/focus/todo markers.</summary>
internal sealed record TestFileScan(string Language, int Tests, IReadOnlyList<TestMarker> Markers)
{
    public int Count(TestMarkerKind kind) => Markers.Count(m => m.Kind == kind);
}
