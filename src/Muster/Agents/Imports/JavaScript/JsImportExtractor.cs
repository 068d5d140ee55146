using Muster.Formats.JavaScript;

namespace Muster.Agents.Imports.JavaScript;

/// <summary>
/// Finds <c>import ... from 'x'</c>, <c>import 'x'</c>, <c>export ... from 'x'</c>, <c>require('x')</c> and
/// <c>import('x')</c> with a string literal in a token stream. Template literals and computed specifiers are not
/// module references Muster can verify and are skipped.
/// </summary>
internal static class JsImportExtractor
{
    private static readonly HashSet<string> DeclarationWords = new(StringComparer.Ordinal)
    {
        "const", "let", "var", "function", "class", "default", "async", "enum", "interface", "abstract", "declare",
        "namespace", "module", "import", "export",
    };

    public static List<JsImport> Extract(string source) => Extract(JsTokenizer.Tokenize(source));

    public static List<JsImport> Extract(List<JsToken> t)
    {
        var imports = new List<JsImport>();
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (token.Kind != JsTokenKind.Name) continue;
            var afterDot = i > 0 && (t[i - 1].Is(".") || t[i - 1].Is("?."));
            if (afterDot) continue;
            switch (token.Text)
            {
                case "import":
                    ReadImport(t, i, imports);
                    break;
                case "export":
                    if (FindFrom(t, i + 1) is { } exportFrom)
                    {
                        var typeOnly = i + 1 < t.Count && t[i + 1].Is("type");
                        imports.Add(new JsImport(t[exportFrom].Text, "export-from", typeOnly, t[exportFrom].Line, t[exportFrom].Column));
                    }
                    break;
                case "require":
                    if (i > 0 && t[i - 1].Is("function")) break;
                    if (Call(t, i) is { } required) imports.Add(new JsImport(t[required].Text, "require", false, t[required].Line, t[required].Column));
                    break;
            }
        }
        return imports;
    }

    private static void ReadImport(List<JsToken> t, int i, List<JsImport> imports)
    {
        if (i + 1 >= t.Count) return;
        var next = t[i + 1];
        if (next.Is("("))
        {
            if (Call(t, i) is { } dynamic) imports.Add(new JsImport(t[dynamic].Text, "dynamic-import", InTypePosition(t, i, dynamic), t[dynamic].Line, t[dynamic].Column));
            return;
        }
        if (next.Is(".")) return; // import.meta
        if (next.Kind == JsTokenKind.String)
        {
            imports.Add(new JsImport(next.Text, "side-effect", false, next.Line, next.Column));
            return;
        }
        // `import x = require('y')` (TypeScript) is found by the require rule.
        var typeOnly = next.Is("type") && !(i + 3 < t.Count && t[i + 2].Is("from") && t[i + 3].Kind == JsTokenKind.String);
        if (FindFrom(t, i + 1) is { } from) imports.Add(new JsImport(t[from].Text, "import", typeOnly, t[from].Line, t[from].Column));
    }

    /// <summary>Index of the string after <c>from</c> when the tokens from <paramref name="start"/> form an import/export clause.</summary>
    private static int? FindFrom(List<JsToken> t, int start)
    {
        var depth = 0;
        for (var j = start; j < t.Count && j < start + 400; j++)
        {
            var token = t[j];
            if (depth == 0 && token.Is("from") && j > start && j + 1 < t.Count && t[j + 1].Kind == JsTokenKind.String) return j + 1;
            switch (token.Kind)
            {
                case JsTokenKind.Name:
                    if (depth == 0 && DeclarationWords.Contains(token.Text)) return null;
                    continue;
                case JsTokenKind.String when depth > 0:
                    continue; // string export names: import { "a-b" as ab }
                case JsTokenKind.Punctuator when token.Text == "{":
                    depth++;
                    continue;
                case JsTokenKind.Punctuator when token.Text == "}":
                    depth--;
                    if (depth < 0) return null;
                    continue;
                case JsTokenKind.Punctuator when token.Text is "," or "*":
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// <c>typeof import('x')</c> and <c>import('x').Member</c> (a promise has no such member at runtime) are TypeScript
    /// type queries, erased from the output.
    /// </summary>
    private static bool InTypePosition(List<JsToken> t, int import, int argument)
    {
        if (import > 0 && t[import - 1].Is("typeof")) return true;
        var close = argument + 1;
        return close + 2 < t.Count && t[close].Is(")") && t[close + 1].Is(".") && t[close + 2].Kind == JsTokenKind.Name &&
               t[close + 2].Text is not ("then" or "catch" or "finally");
    }

    /// <summary>Index of the string argument when <c>name('x')</c> or <c>name('x', ...)</c> starts at <paramref name="i"/>.</summary>
    private static int? Call(List<JsToken> t, int i) =>
        i + 3 < t.Count && t[i + 1].Is("(") && t[i + 2].Kind == JsTokenKind.String && (t[i + 3].Is(")") || t[i + 3].Is(",")) ? i + 2 : null;
}
