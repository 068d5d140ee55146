namespace Muster.Agents.TestHygiene;

/// <summary>Totals for one project folder ("." for the root).</summary>
internal sealed class ProjectTestCounts(string project)
{
    public string Project { get; } = project;
    public SortedSet<string> Languages { get; } = new(StringComparer.Ordinal);
    public int Files { get; set; }
    public int Tests { get; set; }
    public int Skipped { get; set; }
    public int ConditionallySkipped { get; set; }
    public int Focused { get; set; }
    public int Todo { get; set; }

    public void Add(TestFileScan scan)
    {
        Languages.Add(scan.Language);
        Files++;
        Tests += scan.Tests;
        Skipped += scan.Count(TestMarkerKind.Skipped);
        ConditionallySkipped += scan.Count(TestMarkerKind.ConditionallySkipped);
        Focused += scan.Count(TestMarkerKind.Focused);
        Todo += scan.Count(TestMarkerKind.Todo);
    }
}
