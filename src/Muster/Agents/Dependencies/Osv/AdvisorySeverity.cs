using System.Globalization;
using Muster.Model;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>
/// An advisory's severity: the CVSS v3 base score of its vector (advisory-level, then the affected entry's), else
/// its database severity (GitHub writes LOW/MODERATE/HIGH/CRITICAL). Null when the advisory states none.
/// </summary>
internal static class AdvisorySeverity
{
    public static (Severity Severity, string Basis)? Of(OsvAdvisory advisory, OsvAffected? affected)
    {
        foreach (var vector in advisory.SeverityVectors.Concat(affected?.SeverityVectors ?? []))
        {
            if (CvssV3.TryBaseScore(vector, out var score))
            {
                return (FromScore(score), $"CVSS {score.ToString("0.0", CultureInfo.InvariantCulture)} ({vector})");
            }
        }
        return advisory.DatabaseSeverity?.ToUpperInvariant() switch
        {
            "CRITICAL" => (Severity.Critical, "database severity CRITICAL"),
            "HIGH" => (Severity.High, "database severity HIGH"),
            "MODERATE" or "MEDIUM" => (Severity.Medium, $"database severity {advisory.DatabaseSeverity}"),
            "LOW" => (Severity.Low, "database severity LOW"),
            _ => null,
        };
    }

    public static Severity FromScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0 => Severity.Low,
        _ => Severity.Info,
    };
}
