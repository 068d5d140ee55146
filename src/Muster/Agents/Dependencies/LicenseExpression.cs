namespace Muster.Agents.Dependencies;

/// <summary>
/// Whether a declared licence reads as an SPDX licence expression (<c>MIT</c>, <c>(MIT OR Apache-2.0)</c>,
/// <c>GPL-2.0-only WITH Classpath-exception-2.0</c>): only then do the SBOMs write it as an expression; free text
/// (<c>SEE LICENSE IN LICENSE.md</c>) is a CycloneDX licence name and SPDX's NOASSERTION. Syntax only: whether an id
/// is on the SPDX list is not checked.
/// </summary>
internal static class LicenseExpression
{
    public static bool IsExpression(string text)
    {
        var tokens = Tokens(text);
        var position = 0;
        return tokens.Count > 0 && Expression(tokens, ref position) && position == tokens.Count;
    }

    private static bool Expression(List<string> tokens, ref int position)
    {
        if (!Term(tokens, ref position)) return false;
        while (position < tokens.Count && tokens[position] is "AND" or "OR" or "and" or "or")
        {
            position++;
            if (!Term(tokens, ref position)) return false;
        }
        return true;
    }

    private static bool Term(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count) return false;
        if (tokens[position] == "(")
        {
            position++;
            if (!Expression(tokens, ref position) || position >= tokens.Count || tokens[position] != ")") return false;
            position++;
            return true;
        }
        if (!IsId(tokens[position])) return false;
        position++;
        if (position < tokens.Count && tokens[position] is "WITH" or "with")
        {
            position++;
            if (position >= tokens.Count || !IsId(tokens[position])) return false;
            position++;
        }
        return true;
    }

    private static bool IsId(string token) =>
        token is not ("AND" or "OR" or "WITH" or "and" or "or" or "with") &&
        token.TrimEnd('+').Length > 0 &&
        token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+' or ':') &&
        // npm's "UNLICENSED" (all rights reserved) and the words of "SEE LICENSE IN <file>" are not licence ids.
        token is not ("SEE" or "LICENSE" or "IN" or "UNLICENSED" or "UNKNOWN" or "NONE" or "NOASSERTION");

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
                if (c is '(' or ')') tokens.Add(c.ToString());
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
