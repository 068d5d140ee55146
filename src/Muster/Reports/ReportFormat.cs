namespace Muster.Reports;

/// <summary>A report file Muster can write. Each value has one writer registered in <see cref="ReportWriter"/>.</summary>
public enum ReportFormat
{
    Markdown,
    Json,
    Sarif,
    Html,
    Summary,
}
