using Muster.Formats.Python;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Finds <c>import</c> and <c>from ... import</c> statements in tokenized source and works out, from the block
/// structure, which ones are guarded: inside a <c>try</c> whose handlers catch ImportError (or a broader class), under
/// <c>if TYPE_CHECKING:</c>, or in any branch of an <c>if</c> chain testing <c>sys.version_info</c> or the platform.
/// </summary>
internal static class PythonImportExtractor
{
    public const string GuardTry = "try/except ImportError";
    public const string GuardTypeChecking = "if TYPE_CHECKING";
    public const string GuardVersion = "version or platform check";

    private static readonly HashSet<string> ImportErrorCatchers = new(StringComparer.Ordinal)
    {
        "ImportError", "ModuleNotFoundError", "Exception", "BaseException",
    };

    public static IReadOnlyList<PythonImport> Extract(string source) => Extract(PythonTokenizer.Tokenize(source));

    public static IReadOnlyList<PythonImport> Extract(IReadOnlyList<PythonLogicalLine> lines)
    {
        var guards = new string?[lines.Count];
        var inlineGuards = new string?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var first = lines[i].Tokens[0];
            if (first.Is("try")) MarkTry(lines, i, guards, inlineGuards);
            else if (first.Is("if") || first.Is("elif")) MarkIf(lines, i, guards, inlineGuards);
        }

        var imports = new List<PythonImport>();
        for (var i = 0; i < lines.Count; i++)
        {
            var tokens = lines[i].Tokens;
            var bodyStart = InlineBodyStart(tokens);
            var guard = guards[i];
            if (bodyStart > 0) guard = inlineGuards[i] ?? guard;
            foreach (var statement in SplitStatements(tokens, Math.Max(bodyStart, 0)))
            {
                ParseStatement(statement, guard, imports);
            }
        }
        return imports;
    }

    private static void MarkTry(IReadOnlyList<PythonLogicalLine> lines, int tryLine, string?[] guards, string?[] inlineGuards)
    {
        var indent = lines[tryLine].Indent;
        var catches = false;
        var k = BodyEnd(lines, tryLine);
        while (k < lines.Count && lines[k].Indent == indent)
        {
            var head = lines[k].Tokens[0];
            if (head.Is("except")) catches |= CatchesImportError(lines[k].Tokens);
            else if (!head.Is("else") && !head.Is("finally")) break;
            k = BodyEnd(lines, k);
        }
        if (catches) MarkBody(lines, tryLine, GuardTry, guards, inlineGuards);
    }

    private static void MarkIf(IReadOnlyList<PythonLogicalLine> lines, int ifLine, string?[] guards, string?[] inlineGuards)
    {
        var condition = lines[ifLine].Tokens;
        if (condition.Any(t => t.Is("TYPE_CHECKING")))
        {
            if (condition.Any(t => t.Is("not"))) return; // `if not TYPE_CHECKING:` is the runtime branch

            MarkBody(lines, ifLine, GuardTypeChecking, guards, inlineGuards);
            return;
        }
        if (!IsVersionOrPlatformCheck(condition)) return;
        var indent = lines[ifLine].Indent;
        var k = ifLine;
        while (true)
        {
            MarkBody(lines, k, GuardVersion, guards, inlineGuards);
            k = BodyEnd(lines, k);
            if (k >= lines.Count || lines[k].Indent != indent || !(lines[k].Tokens[0].Is("elif") || lines[k].Tokens[0].Is("else"))) break;
        }
    }

    private static bool IsVersionOrPlatformCheck(IReadOnlyList<PythonToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Is("version_info") || t.Is("hexversion") || t.Is("platform") || t.Is("python_version")) return true;
            if (t.Is("os") && i + 2 < tokens.Count && tokens[i + 1].Is(".") && tokens[i + 2].Is("name")) return true;
            if (t.Is("sys") && i + 2 < tokens.Count && tokens[i + 1].Is(".") && tokens[i + 2].Is("version")) return true;
        }
        return false;
    }

    private static bool CatchesImportError(IReadOnlyList<PythonToken> tokens)
    {
        if (tokens.Count >= 2 && tokens[1].Is(":")) return true; // bare except
        for (var i = 1; i < tokens.Count && !tokens[i].Is(":"); i++)
        {
            if (tokens[i].Is("as")) break;
            if (tokens[i].Kind == PythonTokenKind.Name && ImportErrorCatchers.Contains(tokens[i].Text)) return true;
        }
        return false;
    }

    private static void MarkBody(IReadOnlyList<PythonLogicalLine> lines, int header, string reason, string?[] guards, string?[] inlineGuards)
    {
        if (InlineBodyStart(lines[header].Tokens) > 0)
        {
            inlineGuards[header] ??= reason;
            return;
        }
        var end = BodyEnd(lines, header);
        for (var j = header + 1; j < end; j++) guards[j] ??= reason;
    }

    /// <summary>Index of the first line after the block that <paramref name="header"/> opens (or after the line itself).</summary>
    private static int BodyEnd(IReadOnlyList<PythonLogicalLine> lines, int header)
    {
        var indent = lines[header].Indent;
        var j = header + 1;
        while (j < lines.Count && lines[j].Indent > indent) j++;
        return j;
    }

    /// <summary>For a compound-statement header with its body on the same line, the index after the header's colon; else -1.</summary>
    private static int InlineBodyStart(IReadOnlyList<PythonToken> tokens)
    {
        var head = tokens[0];
        if (!(head.Is("try") || head.Is("if") || head.Is("elif") || head.Is("else") || head.Is("except") || head.Is("finally") ||
              head.Is("with") || head.Is("for") || head.Is("while") || head.Is("def") || head.Is("class") || head.Is("async")))
        {
            return -1;
        }
        var depth = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != PythonTokenKind.Operator) continue;
            if (t.Text is "(" or "[" or "{") depth++;
            else if (t.Text is ")" or "]" or "}") depth--;
            else if (t.Text == ":" && depth == 0) return i + 1 < tokens.Count ? i + 1 : -1;
        }
        return -1;
    }

    private static IEnumerable<ArraySegment<PythonToken>> SplitStatements(IReadOnlyList<PythonToken> tokens, int start)
    {
        var array = tokens as PythonToken[] ?? tokens.ToArray();
        var from = start;
        for (var i = start; i <= array.Length; i++)
        {
            if (i == array.Length || array[i].Is(";"))
            {
                if (i > from) yield return new ArraySegment<PythonToken>(array, from, i - from);
                from = i + 1;
            }
        }
    }

    private static void ParseStatement(ArraySegment<PythonToken> s, string? guard, List<PythonImport> imports)
    {
        if (s.Count < 2) return;
        if (s[0].Is("import"))
        {
            var i = 1;
            while (i < s.Count)
            {
                var nameToken = s[i];
                var module = ReadDotted(s, ref i);
                if (module.Length == 0) return;
                imports.Add(new PythonImport(module, 0, [], nameToken.Line, nameToken.Column, guard));
                if (i < s.Count && s[i].Is("as")) i += 2;
                if (i < s.Count && s[i].Is(",")) i++;
                else return;
            }
            return;
        }
        if (!s[0].Is("from")) return;
        var p = 1;
        var level = 0;
        while (p < s.Count && s[p].Is(".")) { level++; p++; }
        var start = p < s.Count ? s[p] : s[0];
        var name = ReadDotted(s, ref p);
        if (p >= s.Count || !s[p].Is("import") || (level == 0 && name.Length == 0)) return;
        p++;
        var names = new List<string>();
        for (; p < s.Count; p++)
        {
            var t = s[p];
            if (t.Is("as")) { p++; continue; }
            if (t.Kind == PythonTokenKind.Name || t.Is("*")) names.Add(t.Text);
        }
        var location = level > 0 ? s[1] : start;
        imports.Add(new PythonImport(name, level, names, location.Line, location.Column, guard));
    }

    private static string ReadDotted(ArraySegment<PythonToken> s, ref int i)
    {
        var parts = new List<string>();
        while (i < s.Count && s[i].Kind == PythonTokenKind.Name && !s[i].Is("import"))
        {
            parts.Add(s[i].Text);
            i++;
            if (i < s.Count && s[i].Is(".")) i++;
            else break;
        }
        return string.Join('.', parts);
    }
}
