namespace Muster.Agents.Secrets;

/// <summary>
/// A cheap test run before a generic rule's regex: after the keyword, does the key name end in an assignment
/// (<c>:</c>, <c>=</c>, a table <c>|</c>, or the word "is") on the same line? Code that merely mentions a keyword
/// (<c>CancellationToken token)</c>) is rejected without running the regex.
/// </summary>
internal static class AssignmentGate
{
    private const int Reach = 40;

    public static bool MayAssign(ReadOnlySpan<char> text, int afterKeyword)
    {
        // Keywords that end in the assignment ("pw:", "pass=") or in " is" have it already.
        if (afterKeyword > 0 && text[afterKeyword - 1] is ':' or '=' or '|') return true;
        if (afterKeyword >= 3 && text[(afterKeyword - 3)..afterKeyword].SequenceEqual(" is")) return true;
        var end = Math.Min(text.Length, afterKeyword + Reach);
        for (var i = afterKeyword; i < end; i++)
        {
            var c = text[i];
            if (c is ':' or '=' or '|') return true;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ' ' or '\t' or '(' or ')' or '*' or '`' or '"' or '\'')
            {
                if (c == ' ' && i + 3 < text.Length && text[i + 1] == 'i' && text[i + 2] == 's' && text[i + 3] == ' ') return true;
                continue;
            }
            return false;
        }
        return false;
    }
}
