namespace Muster.Agents.Imports.Python;

internal enum PythonTokenKind
{
    Name,
    Number,
    String,
    Operator,
}
