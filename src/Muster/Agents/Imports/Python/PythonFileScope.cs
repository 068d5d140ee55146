namespace Muster.Agents.Imports.Python;

/// <summary>One Python file being verified: where it is, which project owns it, what kind of code it is, its search roots.</summary>
internal sealed record PythonFileScope(
    string Path,
    string Directory,
    string? Project,
    SourceContext Context,
    PythonFileFacts Facts,
    IReadOnlyList<string> Roots,
    string Source);
