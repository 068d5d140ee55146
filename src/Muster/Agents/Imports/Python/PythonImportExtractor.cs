using Muster.Formats.Python;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Finds <c>import</c> and <c>from ... import</c> statements in tokenized source and works out, from the block
/// structure, which ones are guarded: inside a <c>try</c> whose handlers catch ImportError (or a broader class), under
/// <c>if TYPE_CHECKING:</c>, in any branch of an <c>if</c> chain testing <c>sys.version_info</c> or the platform, in
/// an <c>except ImportError:</c> handler (a fallback), or under an <c>if</c> testing an availability flag: a name the
/// <c>try</c> block binds (<c>has_x = True</c>, <c>import x</c>) and its handler rebinds. Imports of modules the file
/// passes to <c>pytest.importorskip</c> or <c>importlib.util.find_spec</c> are guarded too.
/// </summary>
internal static class PythonImportExtractor
{
    public const string GuardTry = "try/except ImportError";
    public const string GuardTypeChecking = "if TYPE_CHECKING";
    public const string GuardVersion = "version or platform check";
    public const string GuardFallback = "except ImportError fallback";
    public const string GuardFlag = "availability flag set by try/except ImportError";
    public const string GuardImportOrSkip = "pytest.importorskip";
    public const string GuardFindSpec = "availability checked with find_spec";

    private static readonly HashSet<string> ImportErrorCatchers = new(StringComparer.Ordinal)
    {
        "ImportError", "ModuleNotFoundError", "Exception", "BaseException",
    };

    public static IReadOnlyList<PythonImport> Extract(string source) => Extract(PythonTokenizer.Tokenize(source));

    public static IReadOnlyList<PythonImport> Extract(IReadOnlyList<PythonLogicalLine> lines) =>
        Extract(lines, PythonFileFacts.Scan(lines));

    public static IReadOnlyList<PythonImport> Extract(IReadOnlyList<PythonLogicalLine> lines, PythonFileFacts facts)
    {
        var guards = new string?[lines.Count];
        var inlineGuards = new string?[lines.Count];
        var fallbacks = new IReadOnlyList<string>?[lines.Count];
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Tokens[0].Is("try")) MarkTry(lines, i, guards, inlineGuards, fallbacks, flags);
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var first = lines[i].Tokens[0];
            if (first.Is("if") || first.Is("elif")) MarkIf(lines, i, guards, inlineGuards, flags);
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
                var before = imports.Count;
                ParseStatement(statement, guard, imports);
                for (var k = before; k < imports.Count; k++)
                {
                    var import = imports[k];
                    if (guard == GuardFallback && fallbacks[i] is { } primary) import = import with { FallbackFor = primary };
                    if (import.Guard is null && import.Level == 0 && ProbeGuard(import.Module, facts) is { } probe) import = import with { Guard = probe };
                    imports[k] = import;
                }
            }
        }
        return imports;
    }

    private static string? ProbeGuard(string module, PythonFileFacts facts)
    {
        if (Covers(facts.ImportOrSkip, module)) return GuardImportOrSkip;
        return Covers(facts.ProbedModules, module) ? GuardFindSpec : null;
    }

    /// <summary>Whether <paramref name="module"/> is one of <paramref name="names"/> or inside one of them.</summary>
    public static bool Covers(IReadOnlySet<string> names, string module)
    {
        if (names.Count == 0) return false;
        for (var dot = module.Length; dot > 0; dot = module.LastIndexOf('.', dot - 1))
        {
            if (names.Contains(module[..dot])) return true;
            if (dot == 0) break;
        }
        return false;
    }

    private static void MarkTry(IReadOnlyList<PythonLogicalLine> lines, int tryLine, string?[] guards, string?[] inlineGuards,
        IReadOnlyList<string>?[] fallbacks, HashSet<string> flags)
    {
        var indent = lines[tryLine].Indent;
        var catches = false;
        var handlers = new List<int>();
        var k = BodyEnd(lines, tryLine);
        while (k < lines.Count && lines[k].Indent == indent)
        {
            var head = lines[k].Tokens[0];
            if (head.Is("except") && CatchesImportError(lines[k].Tokens)) { catches = true; handlers.Add(k); }
            else if (!head.Is("except") && !head.Is("else") && !head.Is("finally")) break;
            k = BodyEnd(lines, k);
        }
        if (!catches) return;
        MarkBody(lines, tryLine, GuardTry, guards, inlineGuards);
        var primary = new List<PythonImport>();
        foreach (var line in BodyLines(lines, tryLine))
        {
            foreach (var statement in SplitStatements(lines[line].Tokens, line == tryLine ? Math.Max(InlineBodyStart(lines[line].Tokens), 0) : 0))
            {
                ParseStatement(statement, null, primary);
                BoundNames(statement, flags);
            }
        }
        var primaryModules = primary.Where(p => p.Level == 0).Select(p => p.Module).Distinct(StringComparer.Ordinal).ToList();
        foreach (var handler in handlers)
        {
            MarkBody(lines, handler, GuardFallback, guards, inlineGuards);
            foreach (var line in BodyLines(lines, handler))
            {
                fallbacks[line] = primaryModules;
                foreach (var statement in SplitStatements(lines[line].Tokens, line == handler ? Math.Max(InlineBodyStart(lines[line].Tokens), 0) : 0))
                {
                    BoundNames(statement, flags);
                }
            }
        }
    }

    /// <summary>The lines of the block <paramref name="header"/> opens (the header itself when its body is inline).</summary>
    private static IEnumerable<int> BodyLines(IReadOnlyList<PythonLogicalLine> lines, int header)
    {
        if (InlineBodyStart(lines[header].Tokens) > 0)
        {
            yield return header;
            yield break;
        }
        var end = BodyEnd(lines, header);
        for (var j = header + 1; j < end; j++) yield return j;
    }

    /// <summary>Names a statement binds at its start: <c>flag = ...</c>, <c>import a as b</c>, <c>from a import b</c>.</summary>
    private static void BoundNames(ArraySegment<PythonToken> s, HashSet<string> names)
    {
        if (s.Count >= 2 && s[0].Kind == PythonTokenKind.Name && s[1].Is("=")) { names.Add(s[0].Text); return; }
        if (s.Count < 2 || !(s[0].Is("import") || s[0].Is("from"))) return;
        var imports = new List<PythonImport>();
        ParseStatement(s, null, imports);
        for (var i = 0; i + 1 < s.Count; i++)
        {
            if (s[i].Is("as") && s[i + 1].Kind == PythonTokenKind.Name) names.Add(s[i + 1].Text);
        }
        foreach (var import in imports)
        {
            if (s[0].Is("import")) names.Add(import.TopLevel);
            else foreach (var name in import.Names) if (name != "*") names.Add(name);
        }
    }

    private static void MarkIf(IReadOnlyList<PythonLogicalLine> lines, int ifLine, string?[] guards, string?[] inlineGuards, HashSet<string> flags)
    {
        var condition = lines[ifLine].Tokens;
        if (condition.Any(t => t.Is("TYPE_CHECKING")))
        {
            if (condition.Any(t => t.Is("not"))) return; // `if not TYPE_CHECKING:` is the runtime branch

            MarkBody(lines, ifLine, GuardTypeChecking, guards, inlineGuards);
            return;
        }
        var reason = IsVersionOrPlatformCheck(condition) ? GuardVersion : TestsFlag(condition, flags) ? GuardFlag : null;
        if (reason is null) return;
        var indent = lines[ifLine].Indent;
        var k = ifLine;
        while (true)
        {
            MarkBody(lines, k, reason, guards, inlineGuards);
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

    private static bool TestsFlag(IReadOnlyList<PythonToken> condition, HashSet<string> flags)
    {
        for (var i = 1; i < condition.Count && !condition[i].Is(":"); i++)
        {
            if (condition[i].Kind == PythonTokenKind.Name && flags.Contains(condition[i].Text) && !condition[i - 1].Is(".")) return true;
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
