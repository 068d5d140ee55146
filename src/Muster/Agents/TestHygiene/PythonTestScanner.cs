using Muster.Formats.Python;

namespace Muster.Agents.TestHygiene;

/// <summary>
/// pytest and unittest tests on the Python tokenizer: a test is a function or method whose name starts with
/// <c>test</c>. Skips come from decorators (<c>@pytest.mark.skip</c>, <c>skipif</c>, <c>xfail</c>, <c>@unittest.skip*</c>,
/// <c>expectedFailure</c>) on the test or on its class, a module-level <c>pytestmark</c>, and run-time calls
/// (<c>pytest.skip()</c>, <c>pytest.xfail()</c>, <c>self.skipTest()</c>, <c>pytest.importorskip()</c>, which at module
/// level skips every test of the file). A constant condition (<c>skipif(True)</c>) is a plain skip.
/// </summary>
internal static class PythonTestScanner
{
    public static TestFileScan Scan(string source)
    {
        var lines = PythonTokenizer.Tokenize(source);
        var tests = 0;
        var markers = new List<TestMarker>();
        var pendingDecorators = new List<TestMarker>();
        foreach (var line in lines)
        {
            var tokens = line.Tokens;
            if (tokens[0].Is("@"))
            {
                if (SkipKind(tokens, 1) is { } decorator) pendingDecorators.Add(decorator);
                continue;
            }
            var defAt = tokens[0].Is("async") ? 1 : 0;
            if (tokens.Count > defAt + 1 && tokens[defAt].Is("def"))
            {
                var name = tokens[defAt + 1].Text;
                if (name.StartsWith("test", StringComparison.Ordinal))
                {
                    tests++;
                    markers.AddRange(pendingDecorators);
                }
                pendingDecorators.Clear();
                continue;
            }
            if (tokens[0].Is("class"))
            {
                markers.AddRange(pendingDecorators); // one marker for the class; its tests still count as tests
                pendingDecorators.Clear();
                continue;
            }
            pendingDecorators.Clear();
            if (tokens.Count > 2 && tokens[0].Is("pytestmark") && tokens[1].Is("="))
            {
                for (var i = 2; i < tokens.Count; i++)
                {
                    if (SkipKind(tokens, i) is { } moduleMarker) { markers.Add(moduleMarker with { Pattern = "pytestmark = " + moduleMarker.Pattern }); break; }
                }
                continue;
            }
            for (var i = 0; i + 2 < tokens.Count; i++)
            {
                var runtime =
                    tokens[i].Is("pytest") && tokens[i + 1].Is(".") && (tokens[i + 2].Is("skip") || tokens[i + 2].Is("xfail")) && i + 3 < tokens.Count && tokens[i + 3].Is("(") ? "pytest." + tokens[i + 2].Text + "()"
                    : tokens[i].Is("pytest") && tokens[i + 1].Is(".") && tokens[i + 2].Is("importorskip") ? line.Indent == 0 ? "pytest.importorskip() (skips the whole module)" : "pytest.importorskip()"
                    : tokens[i].Is("self") && tokens[i + 1].Is(".") && tokens[i + 2].Is("skipTest") ? "self.skipTest()"
                    : null;
                if (runtime is null || (i > 0 && tokens[i - 1].Is("."))) continue;
                markers.Add(new TestMarker(TestMarkerKind.ConditionallySkipped, runtime, tokens[i].Line, tokens[i].Column));
                break;
            }
        }
        return new TestFileScan("python", tests, markers);
    }

    /// <summary>The skip marker of a decorator expression starting at <paramref name="start"/>, or null.</summary>
    private static TestMarker? SkipKind(IReadOnlyList<PythonToken> tokens, int start)
    {
        var parts = new List<string>();
        var i = start;
        while (i < tokens.Count && tokens[i].Kind == PythonTokenKind.Name)
        {
            parts.Add(tokens[i].Text);
            if (i + 1 < tokens.Count && tokens[i + 1].Is(".")) i += 2;
            else break;
        }
        if (parts.Count == 0) return null;
        var last = parts[^1];
        var qualifier = string.Join('.', parts.Take(parts.Count - 1));
        if (qualifier is not ("" or "pytest.mark" or "mark" or "unittest" or "unittest.case")) return null;
        var constant = i + 3 < tokens.Count && tokens[i + 1].Is("(") && (tokens[i + 3].Is(",") || tokens[i + 3].Is(")"))
            ? tokens[i + 2].Is("True") || tokens[i + 2].Is("1") ? true : tokens[i + 2].Is("False") || tokens[i + 2].Is("0") ? false : (bool?)null
            : null;
        // skipif(True) / skipIf(True) / skipUnless(False) always skip; the opposite constants never do.
        if (constant is { } value && last is "skipif" or "skipIf" or "skipUnless")
        {
            var skips = last == "skipUnless" ? !value : value;
            return skips ? new TestMarker(TestMarkerKind.Skipped, "@" + string.Join('.', parts) + "(" + tokens[i + 2].Text + ")", tokens[start].Line, tokens[start].Column) : null;
        }
        var kind = last switch
        {
            "skip" => TestMarkerKind.Skipped,
            "skipif" or "xfail" when qualifier.EndsWith("mark", StringComparison.Ordinal) => TestMarkerKind.ConditionallySkipped,
            "skipIf" or "skipUnless" or "expectedFailure" when qualifier is "" or "unittest" or "unittest.case" => TestMarkerKind.ConditionallySkipped,
            _ => (TestMarkerKind?)null,
        };
        return kind is { } k ? new TestMarker(k, "@" + string.Join('.', parts), tokens[start].Line, tokens[start].Column) : null;
    }

    public static bool IsTestFile(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        if (!name.EndsWith(".py", StringComparison.Ordinal)) return false;
        return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) ||
               (relativePath.Split('/')[..^1].Any(f => f is "tests" or "test") && name != "conftest.py" && name != "__init__.py");
    }
}
