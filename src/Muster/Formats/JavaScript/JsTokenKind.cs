namespace Muster.Formats.JavaScript;

internal enum JsTokenKind
{
    Name,
    Number,
    String,
    Template,
    Regex,
    Punctuator,
}
