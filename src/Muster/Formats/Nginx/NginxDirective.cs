namespace Muster.Formats.Nginx;

/// <summary>
/// One nginx directive: <c>name arg1 arg2;</c> or a block <c>name args { ... }</c>. Arguments are unquoted and
/// unescaped; <see cref="File"/> is the path the directive was read from (as given to the parser), with 1-based
/// <see cref="Line"/> and <see cref="Column"/> of its name.
/// </summary>
public sealed class NginxDirective
{
    private readonly List<NginxDirective>? _block;

    internal NginxDirective(string name, IReadOnlyList<string> args, bool isBlock, string file, int line, int column)
    {
        Name = name;
        Args = args;
        _block = isBlock ? [] : null;
        File = file;
        Line = line;
        Column = column;
    }

    public string Name { get; }
    public IReadOnlyList<string> Args { get; }
    public string File { get; }
    public int Line { get; }
    public int Column { get; }

    /// <summary>The enclosing block directive; null at the top level of the (loaded) configuration.</summary>
    public NginxDirective? Parent { get; internal set; }

    public bool IsBlock => _block is not null;

    /// <summary>Directives inside the block (empty for a simple directive). Included files appear inline.</summary>
    public IReadOnlyList<NginxDirective> Children => (IReadOnlyList<NginxDirective>?)_block ?? [];

    /// <summary>The first argument, or an empty string.</summary>
    public string Arg0 => Args.Count > 0 ? Args[0] : "";

    internal void AddChild(NginxDirective child)
    {
        child.Parent = this;
        _block!.Add(child);
    }

    /// <summary>Direct children with the given name (case-sensitive, as nginx is).</summary>
    public IEnumerable<NginxDirective> ChildrenNamed(string name) => Children.Where(c => c.Name == name);

    /// <summary>Every directive below this one, depth first in file order.</summary>
    public IEnumerable<NginxDirective> Descendants() => NginxConfig.Walk(Children);

    /// <summary>Enclosing blocks from the nearest outwards.</summary>
    public IEnumerable<NginxDirective> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }

    public override string ToString() => $"{Name} {string.Join(' ', Args)}".TrimEnd() + (IsBlock ? " {...}" : ";");
}
