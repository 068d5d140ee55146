using System.Text;

namespace Muster.Reports.Summary;

/// <summary>
/// Markdown with a size limit in UTF-8 bytes: lines are added while they fit, keeping room that the closing lines
/// reserve, so the digest never passes GitHub's comment limit whatever the run holds.
/// </summary>
internal sealed class SummaryBudget(int limitBytes)
{
    private readonly StringBuilder _text = new();
    private int _bytes;

    public int Bytes => _bytes;

    /// <summary>Adds the line when it fits with <paramref name="reserve"/> bytes left over; false when it does not.</summary>
    public bool TryAppendLine(string line, int reserve = 0)
    {
        var size = Encoding.UTF8.GetByteCount(line) + 1;
        if (_bytes + size + reserve > limitBytes) return false;
        _text.Append(line).Append('\n');
        _bytes += size;
        return true;
    }

    /// <summary>Adds a line that must be there (headings, "and K more"); the reserve callers keep pays for it.</summary>
    public void AppendLine(string line = "")
    {
        _text.Append(line).Append('\n');
        _bytes += Encoding.UTF8.GetByteCount(line) + 1;
    }

    public override string ToString() => _text.ToString();
}
