namespace Muster.Formats.Packages.Versions;

/// <summary>One end of a version interval.</summary>
internal sealed record VersionBound(string Version, bool Inclusive);
