namespace Muster.Agents.TestHygiene;

/// <summary>
/// xUnit (<c>[Fact]</c>, <c>[Theory]</c>, <c>Skip = "..."</c>), NUnit (<c>[Test]</c>, <c>[TestCase]</c>, <c>[Ignore]</c>,
/// <c>[Explicit]</c>) and MSTest (<c>[TestMethod]</c>, <c>[DataTestMethod]</c>, <c>[Ignore]</c>) on the C# tokenizer.
/// One test per method (a run of attribute lists); an <c>[Ignore]</c> before a class is one marker for the class.
/// </summary>
internal static class CSharpTestScanner
{
    private static readonly HashSet<string> TestAttributes = new(StringComparer.Ordinal)
    {
        "Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod",
    };

    public static TestFileScan Scan(string source)
    {
        var t = CSharpTokenizer.Tokenize(source);
        var tests = 0;
        var markers = new List<TestMarker>();
        var i = 0;
        while (i < t.Count)
        {
            if (!IsAttributeListStart(t, i)) { i++; continue; }
            var isTest = false;
            var run = new List<TestMarker>();
            while (IsAttributeListStart(t, i)) i = ReadAttributeList(t, i, ref isTest, run);
            var isType = false;
            for (var k = i; k < t.Count && k < i + 8 && t[k].Text is not ("(" or "{" or ";" or "="); k++)
            {
                if (t[k].Text is "class" or "record" or "struct") { isType = true; break; }
            }
            if (isTest && !isType) tests++;
            if (isTest || isType) markers.AddRange(run);
        }
        return new TestFileScan("csharp", tests, markers);
    }

    private static bool IsAttributeListStart(List<CSharpTokenizer.Token> t, int i) =>
        i + 1 < t.Count && t[i].Text == "[" && t[i + 1].IsName && (i == 0 || !t[i - 1].IsName); // after a name it is indexing

    private static int ReadAttributeList(List<CSharpTokenizer.Token> t, int i, ref bool isTest, List<TestMarker> run)
    {
        i++; // '['
        if (i + 1 < t.Count && t[i + 1].Text == ":") i += 2; // target such as [method: ...]
        while (i < t.Count && t[i].Text != "]")
        {
            var start = t[i];
            var name = "";
            while (i < t.Count && t[i].IsName)
            {
                name = t[i].Text;
                if (i + 1 < t.Count && t[i + 1].Text == ".") i += 2;
                else { i++; break; }
            }
            if (name.EndsWith("Attribute", StringComparison.Ordinal)) name = name[..^"Attribute".Length];
            var skip = false;
            var conditional = false;
            if (i < t.Count && t[i].Text == "(")
            {
                var depth = 0;
                for (; i < t.Count; i++)
                {
                    if (t[i].Text == "(") depth++;
                    else if (t[i].Text == ")") { depth--; if (depth == 0) { i++; break; } }
                    else if (depth == 1 && t[i].IsName && i + 1 < t.Count && t[i + 1].Text == "=")
                    {
                        if (t[i].Text == "Skip") skip = true;
                        if (t[i].Text is "SkipUnless" or "SkipWhen") conditional = true;
                    }
                }
            }
            if (TestAttributes.Contains(name)) isTest = true;
            if (skip && name is "Fact" or "Theory") run.Add(new TestMarker(conditional ? TestMarkerKind.ConditionallySkipped : TestMarkerKind.Skipped, $"[{name}(Skip = ...)]", start.Line, start.Column));
            if (name is "Ignore" or "Explicit") run.Add(new TestMarker(TestMarkerKind.Skipped, $"[{name}]", start.Line, start.Column));
            while (i < t.Count && t[i].Text is not ("," or "]")) i++;
            if (i < t.Count && t[i].Text == ",") i++;
        }
        return i + 1;
    }
}
