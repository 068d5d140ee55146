using Muster.Formats.Limits;

namespace Muster.Agents.Imports;

/// <summary>
/// The names one manifest declares, within an entry budget: past it, entries are counted, not kept, so a manifest of
/// a million lines costs the memory of the budget (issue 18), and the agent reports what it skipped.
/// </summary>
internal sealed class DeclaredEntries(int budget = InputLimits.ManifestMaxEntries)
{
    private readonly List<DeclaredDependency> _kept = [];

    public IReadOnlyList<DeclaredDependency> Kept => _kept;

    public int Budget { get; } = budget;

    /// <summary>Entries the budget turned away.</summary>
    public long Skipped { get; private set; }

    /// <summary>Where the first entry turned away was declared (an included requirements file may hold it).</summary>
    public (string Path, int Line) FirstSkipped { get; private set; }

    /// <summary>Whether the next entry would be turned away: a reader may then count lines instead of parsing them.</summary>
    public bool Full => _kept.Count >= Budget;

    public void Add(DeclaredDependency dependency)
    {
        if (Full) Skip(dependency.Manifest, dependency.Line);
        else _kept.Add(dependency);
    }

    /// <summary>Counts an entry at <paramref name="path"/>:<paramref name="line"/> that was not built because the budget is spent.</summary>
    public void Skip(string path, int line)
    {
        if (Skipped++ == 0) FirstSkipped = (path, line);
    }
}
