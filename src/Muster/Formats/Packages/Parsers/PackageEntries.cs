using System.Collections.ObjectModel;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// The packages one parse produced, within an entry budget: entries past it are counted, not kept, so a manifest of a
/// million lines costs the memory of the budget (issue 18), and the scanner reports what it skipped.
/// </summary>
internal sealed class PackageEntries(int budget) : Collection<PackageRecord>
{
    public PackageEntries() : this(int.MaxValue)
    {
    }

    public int Budget { get; } = budget;

    /// <summary>Entries the budget turned away.</summary>
    public long Skipped { get; private set; }

    /// <summary>The line of the first entry turned away (0 when none was, or the file has no lines).</summary>
    public int FirstSkippedLine { get; private set; }

    /// <summary>Whether the next entry would be turned away: a parser may then count entries instead of building them.</summary>
    public bool Full => Count >= Budget;

    /// <summary>Counts an entry at <paramref name="line"/> that was not built because the budget is spent.</summary>
    public void Skip(int line)
    {
        if (Skipped++ == 0) FirstSkippedLine = line;
    }

    public void AddRange(IEnumerable<PackageRecord> records)
    {
        foreach (var record in records) Add(record);
    }

    protected override void InsertItem(int index, PackageRecord item)
    {
        if (Full)
        {
            Skip(item.Line);
            return;
        }
        base.InsertItem(index, item);
    }
}
