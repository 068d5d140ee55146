namespace Muster.Formats.Python;

/// <summary>One token of Python source; <see cref="Text"/> is empty for strings (their content is never code).</summary>
internal readonly record struct PythonToken(PythonTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string text) => Kind is PythonTokenKind.Name or PythonTokenKind.Operator && Text == text;
}
