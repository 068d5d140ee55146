using Muster.Formats.JavaScript;

namespace Muster.Agents.TestHygiene;

/// <summary>
/// Jest/Vitest/Mocha/Jasmine/Playwright tests on the JS tokenizer, so commented-out tests, strings and templates
/// never count. A test is a call of <c>it</c>/<c>test</c>/<c>specify</c> (with modifiers such as <c>.each</c> or
/// <c>.concurrent</c>); <c>.skip</c>, <c>x*</c> skip, <c>.only</c> and <c>f*</c> focus, <c>.todo</c> is a placeholder.
/// <c>test.skip()</c> without a name (Playwright's runtime skip inside a test) is a conditional skip.
/// </summary>
internal static class JsTestScanner
{
    private static readonly HashSet<string> TestNames = new(StringComparer.Ordinal) { "it", "test", "specify" };
    private static readonly HashSet<string> SuiteNames = new(StringComparer.Ordinal) { "describe", "suite", "context" };
    private static readonly HashSet<string> SkippedAliases = new(StringComparer.Ordinal) { "xit", "xtest", "xspecify" };
    private static readonly HashSet<string> SkippedSuiteAliases = new(StringComparer.Ordinal) { "xdescribe", "xcontext", "xsuite" };
    private static readonly HashSet<string> FocusedAliases = new(StringComparer.Ordinal) { "fit", "ftest" };
    private static readonly HashSet<string> FocusedSuiteAliases = new(StringComparer.Ordinal) { "fdescribe", "fcontext" };
    private static readonly HashSet<string> PassThroughModifiers = new(StringComparer.Ordinal) { "concurrent", "sequential", "each", "serial", "parallel", "fails", "failing" };

    public static TestFileScan Scan(string source)
    {
        var t = JsTokenizer.Tokenize(source);
        var tests = 0;
        var markers = new List<TestMarker>();
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (token.Kind != JsTokenKind.Name || (i > 0 && (t[i - 1].Is(".") || t[i - 1].Is("?.")))) continue;
            var name = token.Text;
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
                        kind = TestMarkerKind.ConditionallySkipped;
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
            if (isTest && declares && kind != TestMarkerKind.Todo) tests++;
            if (kind is { } k) markers.Add(new TestMarker(k, chain + "()", token.Line, token.Column));
        }
        return new TestFileScan("javascript", tests, markers);
    }

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
