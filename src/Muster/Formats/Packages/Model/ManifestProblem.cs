namespace Muster.Formats.Packages.Model;

/// <summary>A manifest that could not be read (or not entirely): reported as a scan error, never a crash.</summary>
internal sealed record ManifestProblem(string Path, int Line, string Message)
{
    // Parse messages may quote a line holding a URL with credentials.
    public string Message { get; init => field = SourceUrl.Redact(value); } = SourceUrl.Redact(Message);
}
