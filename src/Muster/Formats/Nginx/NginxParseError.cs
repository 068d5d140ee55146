namespace Muster.Formats.Nginx;

/// <summary>A syntax or include problem at a file position; parsing continues where it can.</summary>
public sealed record NginxParseError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
