namespace Muster.Agents.Secrets.History;

/// <summary>
/// Parses <c>git log --raw -z --no-abbrev --format=%x01%H %aI</c>. Each commit is a field starting with \x01 (after
/// the newline git puts between entries), followed by pairs of fields: ":SRCMODE DSTMODE SRC DST STATUS" and the path.
/// Only regular files (mode 100xxx) that a commit added, modified or changed the type of are kept: deletions add no
/// text, and symbolic links and submodule commits are not file contents.
/// </summary>
internal static class GitLogRawParser
{
    public const string Format = "--format=%x01%H %aI";

    public static IEnumerable<GitLogEntry> Parse(Stream output)
    {
        var reader = new NulTokenReader(output);
        string? commit = null, date = null;
        var changes = new List<GitBlobChange>();
        for (var token = reader.Next(); token is not null; token = reader.Next())
        {
            var field = token.TrimStart('\n');
            if (field.StartsWith('\x01'))
            {
                if (commit is not null) yield return new GitLogEntry(commit, date!, changes);
                var header = field[1..];
                var space = header.IndexOf(' ');
                (commit, date) = space < 0 ? (header, "") : (header[..space], header[(space + 1)..]);
                changes = [];
            }
            else if (field.StartsWith(':'))
            {
                var path = reader.Next();
                if (path is null) break;
                if (Kept(field) is { } blob) changes.Add(new GitBlobChange(blob, path));
            }
        }
        if (commit is not null) yield return new GitLogEntry(commit, date!, changes);
    }

    /// <summary>The destination blob of a raw line worth reading, else null.</summary>
    private static string? Kept(string raw)
    {
        // ":100644 100644 <src> <dst> M"
        var parts = raw[1..].Split(' ');
        if (parts.Length < 5) return null;
        var status = parts[4];
        if (status.Length == 0 || status[0] is not ('A' or 'M' or 'T')) return null;
        if (!parts[1].StartsWith("100", StringComparison.Ordinal)) return null;
        return parts[3].All(c => c == '0') ? null : parts[3];
    }
}
