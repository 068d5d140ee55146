namespace Muster.Formats.Python;

internal enum PythonTokenKind
{
    Name,
    Number,
    String,
    Operator,
}
