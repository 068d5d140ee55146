using Muster.Formats.Python;
namespace Muster.Agents.Imports.Python;

/// <summary>
/// What one Python file says about its own imports beyond the import statements: modules it probes before use
/// (<c>pytest.importorskip("x")</c>, <c>find_spec("x")</c>), folders it puts on <c>sys.path</c> (the argument
/// expressions, evaluated by <see cref="SysPathExpression"/>), whether it rewrites <c>sys.modules</c> (aliasing
/// modules that then exist under other names), and its short string literals (a test that writes
/// <c>"plugin_app.py"</c> creates the module it then imports).
/// </summary>
internal sealed class PythonFileFacts
{
    private const int MaxLiteralLength = 120;

    public HashSet<string> ImportOrSkip { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ProbedModules { get; } = new(StringComparer.Ordinal);
    public List<IReadOnlyList<PythonToken>> PathInsertions { get; } = [];
    public HashSet<string> StringLiterals { get; } = new(StringComparer.Ordinal);

    /// <summary><c>name = expression</c> statements (the last one wins), for evaluating <see cref="PathInsertions"/>.</summary>
    public Dictionary<string, IReadOnlyList<PythonToken>> Assignments { get; } = new(StringComparer.Ordinal);
    public bool RewritesSysModules { get; private set; }

    public static PythonFileFacts Scan(IReadOnlyList<PythonLogicalLine> lines)
    {
        var facts = new PythonFileFacts();
        foreach (var line in lines)
        {
            var t = line.Tokens;
            if (t.Count > 2 && t[0].Kind == PythonTokenKind.Name && t[1].Is("=")) facts.Assignments[t[0].Text] = t.Skip(2).ToArray();
            facts.ScanLine(t);
        }
        return facts;
    }

    private void ScanLine(IReadOnlyList<PythonToken> t)
    {
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (token.Kind == PythonTokenKind.String)
            {
                if (token.Text.Length <= MaxLiteralLength + 6) StringLiterals.Add(PythonTokenizer.StringValue(token.Text));
                continue;
            }
            if (token.Kind != PythonTokenKind.Name) continue;
            switch (token.Text)
            {
                case "importorskip" when LiteralArgument(t, i) is { } skipped:
                    ImportOrSkip.Add(skipped);
                    break;
                case "find_spec" or "find_loader" when LiteralArgument(t, i) is { } probed:
                    ProbedModules.Add(probed);
                    break;
                case "modules" when i >= 2 && t[i - 1].Is(".") && t[i - 2].Is("sys") && i + 1 < t.Count && (t[i + 1].Is("[") && AssignsSubscript(t, i + 1) || IsMutatingCall(t, i + 1)):
                    RewritesSysModules = true;
                    break;
                case "path" when i >= 2 && t[i - 1].Is(".") && t[i - 2].Is("sys") && i + 3 < t.Count && t[i + 1].Is(".") && t[i + 2].Is("insert") && t[i + 3].Is("("):
                    if (Arguments(t, i + 3) is { Count: 2 } inserted) PathInsertions.Add(inserted[1]);
                    break;
                case "path" when i >= 2 && t[i - 1].Is(".") && t[i - 2].Is("sys") && i + 3 < t.Count && t[i + 1].Is(".") && t[i + 2].Is("append") && t[i + 3].Is("("):
                    if (Arguments(t, i + 3) is { Count: 1 } appended) PathInsertions.Add(appended[0]);
                    break;
                case "syspath_prepend" or "addsitedir" when i + 1 < t.Count && t[i + 1].Is("("):
                    if (Arguments(t, i + 1) is { Count: >= 1 } prepended) PathInsertions.Add(prepended[0]);
                    break;
            }
        }
    }

    private static string? LiteralArgument(IReadOnlyList<PythonToken> t, int name) =>
        name + 2 < t.Count && t[name + 1].Is("(") && t[name + 2].Kind == PythonTokenKind.String
            ? PythonTokenizer.StringValue(t[name + 2].Text)
            : null;

    private static bool AssignsSubscript(IReadOnlyList<PythonToken> t, int open)
    {
        var depth = 0;
        for (var j = open; j < t.Count; j++)
        {
            if (t[j].Is("[")) depth++;
            else if (t[j].Is("]") && --depth == 0) return j + 1 < t.Count && t[j + 1].Is("=");
        }
        return false;
    }

    private static bool IsMutatingCall(IReadOnlyList<PythonToken> t, int dot) =>
        dot + 1 < t.Count && t[dot].Is(".") && (t[dot + 1].Is("setdefault") || t[dot + 1].Is("update"));

    /// <summary>The top-level argument token lists of the call whose '(' is at <paramref name="open"/>; null when unbalanced.</summary>
    public static List<IReadOnlyList<PythonToken>>? Arguments(IReadOnlyList<PythonToken> t, int open)
    {
        var arguments = new List<IReadOnlyList<PythonToken>>();
        var current = new List<PythonToken>();
        var depth = 0;
        for (var j = open; j < t.Count; j++)
        {
            var token = t[j];
            if (token.Kind == PythonTokenKind.Operator && token.Text is "(" or "[" or "{")
            {
                if (depth++ == 0) continue;
            }
            else if (token.Kind == PythonTokenKind.Operator && token.Text is ")" or "]" or "}")
            {
                if (--depth == 0)
                {
                    if (current.Count > 0) arguments.Add(current);
                    return arguments;
                }
            }
            else if (depth == 1 && token.Is(","))
            {
                arguments.Add(current);
                current = [];
                continue;
            }
            current.Add(token);
        }
        return null;
    }
}
