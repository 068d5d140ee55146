using Muster.Formats.Python;
using Muster.Workspace;
namespace Muster.Agents.Imports.Python;

/// <summary>
/// Evaluates the few expressions code uses to name a folder it puts on <c>sys.path</c>, without running anything:
/// <c>__file__</c>, string literals (relative to the working folder, taken as the project root), <c>os.path.dirname</c>,
/// <c>abspath</c>, <c>realpath</c>, <c>normpath</c>, <c>join</c>, <c>Path(...)</c>, <c>.parent</c>, <c>.parents[n]</c>,
/// <c>.resolve()</c>, <c>/ "x"</c>, <c>str(...)</c>, <c>os.fspath(...)</c> and module-level names bound to such an
/// expression. Paths are root-relative with '/'; anything else (or a path leaving the root) evaluates to null.
/// </summary>
internal sealed class SysPathExpression
{
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "abspath", "realpath", "normpath", "Path", "PurePath", "PosixPath", "str", "fspath", "expanduser", "resolve", "absolute",
    };

    private readonly string _file;
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<PythonToken>> _names;
    private readonly int _depth;
    private IReadOnlyList<PythonToken> _t = [];
    private int _i;

    private SysPathExpression(string file, string workingDirectory, IReadOnlyDictionary<string, IReadOnlyList<PythonToken>> names, int depth)
    {
        _file = file;
        _workingDirectory = workingDirectory;
        _names = names;
        _depth = depth;
    }

    /// <summary>The folder <paramref name="expression"/> names, for code in <paramref name="file"/> run from <paramref name="workingDirectory"/>.</summary>
    public static string? Evaluate(IReadOnlyList<PythonToken> expression, string file, string workingDirectory,
        IReadOnlyDictionary<string, IReadOnlyList<PythonToken>> names)
    {
        var evaluator = new SysPathExpression(file, workingDirectory, names, 0);
        return evaluator.Folder(evaluator.Run(expression));
    }

    private enum Kind { Literal, Folder, File }

    private readonly record struct Value(string Path, Kind Kind);

    private Value? Run(IReadOnlyList<PythonToken> tokens)
    {
        if (_depth > 8) return null;
        _t = tokens;
        _i = 0;
        var value = Expression();
        return _i == _t.Count ? value : null;
    }

    private Value? Expression()
    {
        var value = Postfix(Primary());
        while (_i < _t.Count && _t[_i].Is("/"))
        {
            _i++;
            var right = Postfix(Primary());
            value = value is { } l && right is { } r ? Join(l, r) : null;
        }
        return value;
    }

    private Value? Primary()
    {
        if (_i >= _t.Count) return null;
        var token = _t[_i];
        if (token.Kind == PythonTokenKind.String)
        {
            _i++;
            return new Value(PythonTokenizer.StringValue(token.Text), Kind.Literal);
        }
        if (token.Is("("))
        {
            _i++;
            var inner = Expression();
            if (_i < _t.Count && _t[_i].Is(")")) _i++;
            return inner;
        }
        if (token.Kind != PythonTokenKind.Name) return null;
        var chain = new List<string> { token.Text };
        _i++;
        while (_i + 1 < _t.Count && _t[_i].Is(".") && _t[_i + 1].Kind == PythonTokenKind.Name && !(_i + 2 < _t.Count && IsPathMethod(_t[_i + 1].Text)))
        {
            chain.Add(_t[_i + 1].Text);
            _i += 2;
        }
        if (_i < _t.Count && _t[_i].Is("(")) return Call(chain[^1]);
        if (chain.Count == 1 && chain[0] == "__file__") return new Value(_file, Kind.File);
        if (chain.Count == 1 && _names.TryGetValue(chain[0], out var bound))
        {
            return new SysPathExpression(_file, _workingDirectory, _names, _depth + 1).Run(bound);
        }
        return null;
    }

    private static bool IsPathMethod(string name) => name is "parent" or "parents" or "resolve" or "absolute";

    private Value? Call(string function)
    {
        var arguments = PythonFileFacts.Arguments(_t, _i);
        if (arguments is null) return null;
        _i = SkipCall(_i);
        var values = arguments.Select(a => new SysPathExpression(_file, _workingDirectory, _names, _depth + 1).Run(a)).ToList();
        switch (function)
        {
            case "dirname" when values.Count == 1 && values[0] is { } path:
                return Parent(path);
            case "join" when values.Count >= 1 && values.All(v => v is not null):
                return values.Skip(1).Aggregate(values[0], (current, next) => current is { } c ? Join(c, next!.Value) : null);
            case "getcwd" or "cwd" when values.Count == 0:
                return new Value(_workingDirectory, Kind.Folder);
            default:
                return PassThrough.Contains(function) && values.Count == 1 ? values[0] : null;
        }
    }

    private Value? Postfix(Value? value)
    {
        while (value is not null && _i + 1 < _t.Count && _t[_i].Is(".") && _t[_i + 1].Kind == PythonTokenKind.Name)
        {
            var member = _t[_i + 1].Text;
            _i += 2;
            switch (member)
            {
                case "parent":
                    value = Parent(value.Value);
                    break;
                case "parents" when _i + 2 < _t.Count && _t[_i].Is("[") && _t[_i + 1].Kind == PythonTokenKind.Number && _t[_i + 2].Is("]") &&
                                    int.TryParse(_t[_i + 1].Text, out var n):
                    _i += 3;
                    for (var k = 0; k <= n && value is { } current; k++) value = Parent(current);
                    break;
                case "resolve" or "absolute" when _i + 1 < _t.Count && _t[_i].Is("(") && _t[_i + 1].Is(")"):
                    _i += 2;
                    break;
                default:
                    return null;
            }
        }
        return value;
    }

    private int SkipCall(int open)
    {
        var depth = 0;
        for (var j = open; j < _t.Count; j++)
        {
            if (_t[j].Is("(")) depth++;
            else if (_t[j].Is(")") && --depth == 0) return j + 1;
        }
        return _t.Count;
    }

    private string? Folder(Value? value) => value?.Kind switch
    {
        Kind.Literal => PathProbe.Normalize(PathProbe.Join(_workingDirectory, value.Value.Path)),
        Kind.Folder => value.Value.Path,
        _ => null,
    };

    private Value? Parent(Value value)
    {
        if (value.Kind == Kind.File) return new Value(PathProbe.DirectoryOf(value.Path), Kind.Folder);
        var folder = Folder(value);
        return folder is null || folder.Length == 0 ? null : new Value(PathProbe.DirectoryOf(folder), Kind.Folder);
    }

    private static Value? Join(Value left, Value right)
    {
        if (right.Kind != Kind.Literal) return right;
        if (right.Path.StartsWith('/')) return null; // an absolute path outside the audited tree
        if (left.Kind == Kind.Literal) return new Value(PathProbe.Join(left.Path, right.Path), Kind.Literal);
        return PathProbe.Normalize(PathProbe.Join(left.Path, right.Path)) is { } joined ? new Value(joined, Kind.Folder) : null;
    }
}
