namespace Muster.Formats.Compose;

/// <summary>
/// The variables a compose file refers to, read from a tree as <see cref="YamlTreeReader.ReadAsWritten"/> gives it:
/// compose interpolates values (mapping values and list items, <c>x-</c> extensions included), never keys or comments.
/// A value reached twice through an alias is read once.
/// </summary>
public static class ComposeVariableReferences
{
    public static IReadOnlyList<ComposeVariableReference> In(ComposeNode? root, string text)
    {
        var found = new List<ComposeVariableReference>();
        var lineStarts = LineStarts(text);
        var read = new HashSet<ComposePosition>();
        var pending = new Stack<ComposeNode>();
        if (root is not null) pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ComposeMapping map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--) pending.Push(map.Entries[i].Value);
                    break;
                case ComposeSequence seq:
                    for (var i = seq.Items.Count - 1; i >= 0; i--) pending.Push(seq.Items[i]);
                    break;
                case ComposeScalar { Value: { } value } scalar when value.Contains('$', StringComparison.Ordinal) && read.Add(scalar.Position):
                    found.AddRange(Locate(scalar, ComposeInterpolator.References(value), text, lineStarts));
                    break;
            }
        }
        return found.OrderBy(r => r.Position.Line).ThenBy(r => r.Position.Column).ToList();
    }

    // The tree keeps where a scalar starts, not where each '$' is: each reference is found in the file text from the
    // scalar's start (the n-th "${NAME" of the value is the n-th one written), so a finding points at the line that
    // holds it in a block scalar too. A reference not found between the scalar's start and end as written (a quoted
    // "\x24{X}" escape) points at the scalar's start.
    private static IEnumerable<ComposeVariableReference> Locate(ComposeScalar scalar, IEnumerable<ComposeVariableUse> uses, string text, int[] lineStarts)
    {
        var start = OffsetOf(scalar.Position, text, lineStarts) ?? text.Length;
        var end = scalar.End is { } after ? OffsetOf(after, text, lineStarts) ?? text.Length : text.Length;
        var searchFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var use in uses)
        {
            var braced = scalar.Value![use.Offset..].StartsWith("${", StringComparison.Ordinal);
            var token = (braced ? "${" : "$") + use.Name;
            var at = Find(text, token, braced, searchFrom.GetValueOrDefault(token, start), end);
            searchFrom[token] = at < 0 ? text.Length : at + token.Length;
            yield return new ComposeVariableReference(use.Name, use.Required, at < 0 ? scalar.Position : PositionOf(at, scalar.Position.File, lineStarts));
        }
    }

    private static int Find(string text, string token, bool braced, int from, int end)
    {
        for (var at = text.IndexOf(token, from, StringComparison.Ordinal); at >= 0 && at + token.Length <= end; at = text.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var next = at + token.Length;
            var complete = next >= text.Length || (braced ? text[next] is '}' or ':' or '-' or '+' or '?' : !(text[next] == '_' || char.IsAsciiLetterOrDigit(text[next])));
            if (complete && DollarsBefore(text, at) % 2 == 0) return at;
        }
        return -1;
    }

    private static int? OffsetOf(ComposePosition position, string text, int[] lineStarts) =>
        position.Line >= 1 && position.Line <= lineStarts.Length
            ? Math.Min(text.Length, lineStarts[position.Line - 1] + Math.Max(0, position.Column - 1))
            : null;

    // "$$" is an escaped '$': a '$' after an odd run of them is text.
    private static int DollarsBefore(string text, int at)
    {
        var count = 0;
        while (at - count - 1 >= 0 && text[at - count - 1] == '$') count++;
        return count;
    }

    private static ComposePosition PositionOf(int offset, string file, int[] lineStarts)
    {
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new ComposePosition(file, line + 1, offset - lineStarts[line] + 1);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return [.. starts];
    }
}
