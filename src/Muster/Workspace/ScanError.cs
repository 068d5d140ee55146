namespace Muster.Workspace;

/// <summary>A file or folder that could not be read; recorded in the report, never a crash.</summary>
public sealed record ScanError(string RelativePath, string Message);
