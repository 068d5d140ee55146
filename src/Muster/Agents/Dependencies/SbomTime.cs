using System.Globalization;

namespace Muster.Agents.Dependencies;

internal static class SbomTime
{
    /// <summary>UTC to the second, as both SBOM formats want it (<c>2026-01-31T12:00:00Z</c>).</summary>
    public static string Format(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
