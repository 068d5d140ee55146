using Muster.Engine;

namespace Muster.Reports;

/// <summary>Renders a run into one report format. Output must depend only on the outcome and the options.</summary>
internal interface IReportWriter
{
    ReportFormat Format { get; }

    /// <summary>File name written in the output directory, e.g. "report.md".</summary>
    string FileName { get; }

    /// <summary>Names accepted on the command line, lower case; the first is the canonical one.</summary>
    IReadOnlyList<string> Names { get; }

    Task WriteAsync(RunOutcome outcome, ReportOptions options, Stream destination, CancellationToken cancellationToken);
}
