namespace Muster.Agents.Imports.Python;

/// <summary>
/// One imported module. <see cref="Module"/> is dotted ("a.b"), empty for <c>from . import x</c>; <see cref="Level"/>
/// counts leading dots (0: absolute). <see cref="Names"/> are the names after <c>from ... import</c> (empty for
/// <c>import a.b</c>). <see cref="Guard"/> says why a failure would be handled (try/except ImportError,
/// TYPE_CHECKING, a version or platform check, an availability flag), or null when the import runs unconditionally.
/// For an import in an <c>except ImportError:</c> handler, <see cref="FallbackFor"/> lists the modules the
/// <c>try</c> block imports: the handler runs only when one of them fails.
/// </summary>
internal sealed record PythonImport(string Module, int Level, IReadOnlyList<string> Names, int Line, int Column, string? Guard)
{
    public IReadOnlyList<string> FallbackFor { get; init; } = [];

    public string TopLevel => Module.Split('.')[0];

    public string Display => new string('.', Level) + Module;
}
