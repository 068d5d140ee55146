using Muster.Formats.JavaScript;

namespace Muster.Agents.TestHygiene;

/// <summary>
/// Jest/Vitest/Mocha/Jasmine/Playwright/ava tests on the JS tokenizer, so commented-out tests, strings and templates
/// never count. A test is a call of <c>it</c>/<c>test</c>/<c>specify</c> (with modifiers such as <c>.each</c> or
/// <c>.concurrent</c>); <c>.skip</c>, <c>x*</c> skip, <c>.only</c> and <c>f*</c> focus, <c>.todo</c> is a placeholder.
/// Skipped at run time or under a condition: <c>test.skip()</c> without a name (Playwright), Mocha's <c>this.skip()</c>,
/// <c>skipIf</c>/<c>runIf</c>, <c>(cond ? describe.skip : describe)(...)</c>, and expected failures (ava
/// <c>test.failing</c>, Vitest <c>test.fails</c>). A constant condition (<c>skipIf(true)</c>) is a plain skip. Aliases
/// bound with <c>const x = it.skip</c>, <c>const x = cond ? it : it.skip</c> or <c>const x = it.skipIf(c)</c> count
/// where they are called.
/// </summary>
internal static class JsTestScanner
{
    private static readonly HashSet<string> TestNames = new(StringComparer.Ordinal) { "it", "test", "specify" };
    private static readonly HashSet<string> SuiteNames = new(StringComparer.Ordinal) { "describe", "suite", "context" };
    private static readonly HashSet<string> SkippedAliases = new(StringComparer.Ordinal) { "xit", "xtest", "xspecify" };
    private static readonly HashSet<string> SkippedSuiteAliases = new(StringComparer.Ordinal) { "xdescribe", "xcontext", "xsuite" };
    private static readonly HashSet<string> FocusedAliases = new(StringComparer.Ordinal) { "fit", "ftest" };
    private static readonly HashSet<string> FocusedSuiteAliases = new(StringComparer.Ordinal) { "fdescribe", "fcontext" };
    private static readonly HashSet<string> PassThroughModifiers = new(StringComparer.Ordinal) { "concurrent", "sequential", "each", "serial", "parallel" };

    private sealed record Alias(TestMarkerKind Kind, bool IsTest, string Pattern);

    public static TestFileScan Scan(string source)
    {
        var t = JsTokenizer.Tokenize(source);
        var aliases = Aliases(t);
        var tests = 0;
        var markers = new List<TestMarker>();
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (token.Kind != JsTokenKind.Name) continue;
            if (token.Text == "this" && i + 3 < t.Count && t[i + 1].Is(".") && t[i + 2].Is("skip") && t[i + 3].Is("("))
            {
                markers.Add(new TestMarker(TestMarkerKind.ConditionallySkipped, "this.skip()", token.Line, token.Column));
                continue;
            }
            if (i > 0 && (t[i - 1].Is(".") || t[i - 1].Is("?."))) continue;
            var name = token.Text;
            if (aliases.TryGetValue(name, out var alias) && i + 1 < t.Count && (t[i + 1].Is("(") || t[i + 1].Is(".")) && !IsDeclaration(t, i))
            {
                if (alias.IsTest) tests++;
                markers.Add(new TestMarker(alias.Kind, alias.Pattern, token.Line, token.Column));
                continue;
            }
            var isTest = TestNames.Contains(name);
            var isSuite = SuiteNames.Contains(name);
            if (SkippedAliases.Contains(name) || SkippedSuiteAliases.Contains(name) || FocusedAliases.Contains(name) || FocusedSuiteAliases.Contains(name))
            {
                if (i + 1 >= t.Count || !(t[i + 1].Is("(") || t[i + 1].Is("."))) continue;
                var focused = FocusedAliases.Contains(name) || FocusedSuiteAliases.Contains(name);
                if (SkippedAliases.Contains(name) || FocusedAliases.Contains(name)) tests++;
                markers.Add(new TestMarker(focused ? TestMarkerKind.Focused : TestMarkerKind.Skipped, name + "()", token.Line, token.Column));
                continue;
            }
            if (!isTest && !isSuite) continue;
            if (InTernary(t, i) && i + 2 < t.Count && t[i + 1].Is(".") && t[i + 2].Is("skip"))
            {
                // (cond ? describe.skip : describe)(...): whether it runs depends on cond.
                if (!IsInitializer(t, i)) markers.Add(new TestMarker(TestMarkerKind.ConditionallySkipped, $"cond ? {name}.skip : {name}", token.Line, token.Column));
                continue;
            }
            var j = i + 1;
            var chain = name;
            TestMarkerKind? kind = null;
            var declares = true;
            while (j + 1 < t.Count && t[j].Is(".") && t[j + 1].Kind == JsTokenKind.Name)
            {
                var modifier = t[j + 1].Text;
                chain += "." + modifier;
                j += 2;
                switch (modifier)
                {
                    case "skip":
                        // test.skip('name', fn) declares a skipped test; test.skip() / test.skip(cond) skips at run time.
                        declares = !(j < t.Count && t[j].Is("(")) || (j + 1 < t.Count && t[j + 1].Kind is JsTokenKind.String or JsTokenKind.Template);
                        kind = declares || !isTest ? TestMarkerKind.Skipped : TestMarkerKind.ConditionallySkipped;
                        break;
                    case "skipIf" or "runIf":
                        kind = ConstantCondition(t, j, modifier) ?? TestMarkerKind.ConditionallySkipped;
                        if (kind == TestMarkerKind.Todo) kind = null; // skipIf(false) / runIf(true): always runs
                        j = SkipCall(t, j);
                        break;
                    case "failing" or "fails":
                        kind = TestMarkerKind.ConditionallySkipped; // expected to fail: a pass count includes it as green
                        break;
                    case "only":
                        kind = TestMarkerKind.Focused;
                        break;
                    case "todo":
                        kind = TestMarkerKind.Todo;
                        break;
                    default:
                        if (!PassThroughModifiers.Contains(modifier)) j = -1;
                        break;
                }
                if (j < 0) break;
            }
            if (j < 0 || j >= t.Count || !t[j].Is("(")) continue;
            if (IsInitializer(t, i)) continue; // const skipIt = it.skip: counted where it is called
            if (isTest && declares && kind != TestMarkerKind.Todo) tests++;
            if (kind is { } k) markers.Add(new TestMarker(k, chain + "()", token.Line, token.Column));
        }
        return new TestFileScan("javascript", tests, markers);
    }

    /// <summary><c>const NAME = it.skip</c>, <c>= it.only</c>, <c>= it.skipIf(c)</c>, <c>= cond ? it : it.skip</c>.</summary>
    private static Dictionary<string, Alias> Aliases(List<JsToken> t)
    {
        var aliases = new Dictionary<string, Alias>(StringComparer.Ordinal);
        for (var i = 0; i + 3 < t.Count; i++)
        {
            if (!(t[i].Is("const") || t[i].Is("let") || t[i].Is("var")) || t[i + 1].Kind != JsTokenKind.Name || !t[i + 2].Is("=")) continue;
            var name = t[i + 1].Text;
            var end = i + 3;
            var depth = 0;
            while (end < t.Count && end < i + 60)
            {
                if (t[end].Is("(") || t[end].Is("[") || t[end].Is("{")) depth++;
                else if (t[end].Is(")") || t[end].Is("]") || t[end].Is("}")) { if (--depth < 0) break; }
                else if (depth == 0 && (t[end].Is(";") || (end > i + 3 && t[end].Line != t[end - 1].Line && t[end].Kind == JsTokenKind.Name && t[end - 1].Kind != JsTokenKind.Punctuator))) break;
                end++;
            }
            var ternary = false;
            Alias? found = null;
            for (var k = i + 3; k < end; k++)
            {
                if (t[k].Is("?")) ternary = true;
                if (t[k].Kind != JsTokenKind.Name || !(TestNames.Contains(t[k].Text) || SuiteNames.Contains(t[k].Text)) || k + 2 >= t.Count || !t[k + 1].Is(".")) continue;
                var isTest = TestNames.Contains(t[k].Text);
                var modifier = t[k + 2].Text;
                var pattern = $"{name}() (= {t[k].Text}.{modifier})";
                found = modifier switch
                {
                    "skip" => new Alias(ternary ? TestMarkerKind.ConditionallySkipped : TestMarkerKind.Skipped, isTest, ternary ? $"{name}() (= cond ? {t[k].Text} : {t[k].Text}.skip)" : pattern),
                    "only" => new Alias(TestMarkerKind.Focused, isTest, pattern),
                    "skipIf" or "runIf" => (ConstantCondition(t, k + 3, modifier) ?? TestMarkerKind.ConditionallySkipped) is var c && c != TestMarkerKind.Todo ? new Alias(c, isTest, pattern) : null,
                    _ => found,
                };
            }
            if (found is not null) aliases[name] = found;
        }
        return aliases;
    }

    /// <summary>Skipped for <c>skipIf(true)</c>/<c>runIf(false)</c>, Todo (meaning "never skips") for the opposite, null when not constant.</summary>
    private static TestMarkerKind? ConstantCondition(List<JsToken> t, int open, string modifier)
    {
        if (open + 2 >= t.Count || !t[open].Is("(") || !t[open + 2].Is(")")) return null;
        var value = t[open + 1];
        bool? truthy = value.Is("true") ? true : value.Is("false") ? false : value.Kind == JsTokenKind.Number ? value.Text is not ("0" or "0.0") : null;
        if (truthy is null) return null;
        return truthy == (modifier == "skipIf") ? TestMarkerKind.Skipped : TestMarkerKind.Todo;
    }

    private static int SkipCall(List<JsToken> t, int open)
    {
        if (open >= t.Count || !t[open].Is("(")) return open;
        var depth = 0;
        for (var k = open; k < t.Count; k++)
        {
            if (t[k].Is("(")) depth++;
            else if (t[k].Is(")") && --depth == 0) return k + 1;
        }
        return t.Count;
    }

    private static bool InTernary(List<JsToken> t, int i) =>
        i > 0 && (t[i - 1].Is("?") || t[i - 1].Is(":")) || (i + 3 < t.Count && t[i + 3].Is(":"));

    /// <summary>The token starts the initializer of <c>const x = ...</c> (an alias, counted where called).</summary>
    private static bool IsInitializer(List<JsToken> t, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 12; k--)
        {
            if (t[k].Is(";") || t[k].Is("{") || t[k].Is("}")) return false;
            if (t[k].Is("=") && k >= 2 && t[k - 1].Kind == JsTokenKind.Name && (t[k - 2].Is("const") || t[k - 2].Is("let") || t[k - 2].Is("var"))) return true;
        }
        return false;
    }

    private static bool IsDeclaration(List<JsToken> t, int i) => i > 0 && (t[i - 1].Is("const") || t[i - 1].Is("let") || t[i - 1].Is("var") || t[i - 1].Is("function"));

    public static bool IsTestFile(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        if (name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal) ||
            name.Contains(".cy.", StringComparison.Ordinal) || name.Contains("_test.", StringComparison.Ordinal))
        {
            return true;
        }
        var folders = relativePath.Split('/')[..^1];
        return folders.Any(f => f is "__tests__" or "test" or "tests" or "e2e" or "spec");
    }
}
