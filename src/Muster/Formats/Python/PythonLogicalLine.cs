namespace Muster.Formats.Python;

/// <summary>
/// One logical line: physical lines joined by open brackets or backslash continuations. <see cref="Indent"/> is the
/// column (0-based, tabs to multiples of 8) of its first token, which gives the block structure.
/// </summary>
internal sealed record PythonLogicalLine(int Indent, IReadOnlyList<PythonToken> Tokens);
