namespace Muster.Formats.Compose;

public enum ComposeDiagnosticLevel
{
    Advice,
    Warning,
    Error,
}

/// <summary>A problem in a compose file, with where it is and how to fix it. Errors mean the value could not be used.</summary>
public sealed record ComposeDiagnostic(ComposeDiagnosticLevel Level, string Code, string Message, string Fix, ComposePosition Position)
{
    public override string ToString() => $"{Position}: {Level.ToString().ToLowerInvariant()} {Code}: {Message} (fix: {Fix})";
}
