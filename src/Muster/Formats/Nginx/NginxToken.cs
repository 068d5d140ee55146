namespace Muster.Formats.Nginx;

internal enum NginxTokenKind
{
    Word,
    Semicolon,
    OpenBrace,
    CloseBrace,
}

internal readonly record struct NginxToken(NginxTokenKind Kind, string Text, int Line, int Column, bool Quoted = false);
