namespace Muster.Formats.JavaScript;

/// <summary>One token; for <see cref="JsTokenKind.String"/> the <see cref="Text"/> is the literal's value (simple escapes decoded).</summary>
internal readonly record struct JsToken(JsTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string text) => Kind is JsTokenKind.Name or JsTokenKind.Punctuator && Text == text;
}
