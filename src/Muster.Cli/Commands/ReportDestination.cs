using Muster.Reports;

namespace Muster.Cli.Commands;

/// <summary>
/// Where a run's reports go, from <c>--output</c> and <c>--format</c>: a folder (default STATE/reports/RUN_ID), or with
/// <c>--output -</c> one format on stdout (the reports are still kept in the default folder).
/// </summary>
internal sealed record ReportDestination(string? Directory, IReadOnlyList<ReportFormat> Formats, ReportFormat? Stdout)
{
    public const string StdoutName = "-";

    public static ReportDestination Parse(string? output, string[] formatValues)
    {
        var formats = ParseFormats(formatValues, out var named);
        if (output != StdoutName) return new ReportDestination(output is null ? null : Folder(output), formats, null);
        if (named != 1)
        {
            throw new UsageException($"--output - writes one report to stdout: give exactly one --format ({string.Join(", ", ReportWriter.FormatNames)}), e.g. --format json --output -");
        }
        return new ReportDestination(null, formats, formats[0]);
    }

    /// <summary>Reports are several files, so --output is a folder: naming a file (or /dev/stdout) is a usage error.</summary>
    private static string Folder(string option)
    {
        var full = Path.GetFullPath(option);
        if (File.Exists(full) || (Path.Exists(full) && !System.IO.Directory.Exists(full)))
        {
            throw new UsageException($"--output '{option}' is a file, not a folder: reports are several files; give a folder (it is created if missing), or '--output -' with one --format to write that report to stdout");
        }
        return full;
    }

    private static IReadOnlyList<ReportFormat> ParseFormats(string[] values, out int named)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var formats = names.Select(n => ReportWriter.TryParseFormat(n, out var f) ? f
            : throw new UsageException($"unknown report format '{n}'; use one of: {string.Join(", ", ReportWriter.FormatNames)}")).Distinct().ToList();
        named = formats.Count;
        return formats.Count == 0 ? ReportWriter.AllFormats : formats;
    }
}
