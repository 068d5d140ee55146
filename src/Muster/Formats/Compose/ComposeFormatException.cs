namespace Muster.Formats.Compose;

/// <summary>Unwinds loading of one file on an error; the loader turns it into a <see cref="ComposeDiagnostic"/>.</summary>
internal sealed class ComposeFormatException(string code, string message, string fix, ComposePosition position) : Exception(message)
{
    public ComposeDiagnostic Diagnostic { get; } = new(ComposeDiagnosticLevel.Error, code, message, fix, position);
}
