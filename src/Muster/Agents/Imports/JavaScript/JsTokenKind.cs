namespace Muster.Agents.Imports.JavaScript;

internal enum JsTokenKind
{
    Name,
    Number,
    String,
    Template,
    Regex,
    Punctuator,
}
