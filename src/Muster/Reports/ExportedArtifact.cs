namespace Muster.Reports;

/// <summary>An agent's artifact written beside the reports (<c>artifacts/AGENT/NAME</c>), so report links resolve.</summary>
public sealed record ExportedArtifact(string RelativePath, string AgentId, string MediaType, long SizeBytes)
{
    /// <summary>The path as a relative URI, each segment percent-escaped.</summary>
    public string RelativeUri => string.Join('/', RelativePath.Split('/').Select(Uri.EscapeDataString));
}
