namespace Muster.Model;

/// <summary>How bad a finding is. Ordered: a higher value is worse.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public static class SeverityText
{
    public static readonly IReadOnlyList<Severity> WorstFirst =
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];

    /// <summary>The contract spelling: CRITICAL, HIGH, MEDIUM, LOW, INFO.</summary>
    public static string ToLabel(this Severity severity) => severity switch
    {
        Severity.Critical => "CRITICAL",
        Severity.High => "HIGH",
        Severity.Medium => "MEDIUM",
        Severity.Low => "LOW",
        _ => "INFO",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "CRITICAL": severity = Severity.Critical; return true;
            case "HIGH": severity = Severity.High; return true;
            case "MEDIUM": severity = Severity.Medium; return true;
            case "LOW": severity = Severity.Low; return true;
            case "INFO": severity = Severity.Info; return true;
            default: severity = Severity.Info; return false;
        }
    }
}
