using Muster.Engine;
using Muster.Reports.Html;
using Muster.Reports.Json;
using Muster.Reports.Markdown;
using Muster.Reports.Sarif;
using Muster.Reports.Summary;

namespace Muster.Reports;

/// <summary>
/// Entry point for reports: parses format names and writes report files. A new format is one writer class plus its
/// <see cref="ReportFormat"/> value and one line in <see cref="Writers"/>.
/// </summary>
public static class ReportWriter
{
    private static readonly IReadOnlyList<IReportWriter> Writers =
    [
        new MarkdownReportWriter(),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new HtmlReportWriter(),
        new SummaryReportWriter(),
    ];

    /// <summary>Every format, in the order reports are listed and written by default.</summary>
    public static IReadOnlyList<ReportFormat> AllFormats { get; } = Writers.Select(w => w.Format).ToList();

    /// <summary>Canonical command-line names of the formats ("md", "json", "sarif", "html").</summary>
    public static IReadOnlyList<string> FormatNames { get; } = Writers.Select(w => w.Names[0]).ToList();

    /// <summary>The file a format is written to in the output directory, e.g. "report.sarif".</summary>
    public static string FileNameOf(ReportFormat format) => WriterFor(format).FileName;

    public static bool TryParseFormat(string? name, out ReportFormat format)
    {
        var key = name?.Trim().ToLowerInvariant() ?? "";
        foreach (var writer in Writers)
        {
            if (writer.Names.Contains(key, StringComparer.Ordinal))
            {
                format = writer.Format;
                return true;
            }
        }
        format = default;
        return false;
    }

    /// <summary>Parses "md", "markdown", "json", "sarif" or "html" (any case).</summary>
    /// <exception cref="FormatException">Unknown name; the message lists the known ones.</exception>
    public static ReportFormat ParseFormat(string name) =>
        TryParseFormat(name, out var format)
            ? format
            : throw new FormatException($"Unknown report format '{name}'. Known formats: {string.Join(", ", FormatNames)}.");

    /// <summary>Parses a comma-separated list such as "md,sarif"; duplicates are dropped, order kept.</summary>
    /// <exception cref="FormatException">A name is unknown or the list is empty.</exception>
    public static IReadOnlyList<ReportFormat> ParseFormats(string list)
    {
        var formats = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseFormat)
            .Distinct()
            .ToList();
        return formats.Count > 0
            ? formats
            : throw new FormatException($"No report format given. Known formats: {string.Join(", ", FormatNames)}.");
    }

    /// <summary>Renders one report in memory, exactly as it would be written to its file.</summary>
    public static async Task<string> RenderAsync(
        RunOutcome outcome, ReportFormat format, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriterFor(format).WriteAsync(outcome, options ?? ReportOptions.Default, buffer, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes each requested report into <paramref name="outputDirectory"/> (created if missing). Each file is
    /// written to a temporary file in the same directory and then moved over the target, so a reader never sees a
    /// half-written report. Returns the full paths written, in the order requested, duplicates dropped.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        RunOutcome outcome,
        string outputDirectory,
        IEnumerable<ReportFormat> formats,
        ReportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var requested = formats.Distinct().ToList();
        options ??= ReportOptions.Default;
        IReadOnlyList<ExportedArtifact> exported = [];
        if (requested.Contains(ReportFormat.Html))
        {
            // report.html links every artifact, so they are written beside it first.
            exported = await ArtifactExport.WriteAsync(outcome, directory, cancellationToken).ConfigureAwait(false);
            options = options with { ExportedArtifacts = exported };
        }
        foreach (var format in requested)
        {
            var writer = WriterFor(format);
            var target = Path.Combine(directory, writer.FileName);
            var chosen = options;
            await WriteAtomicallyAsync(target, stream => writer.WriteAsync(outcome, chosen, stream, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            written.Add(target);
        }
        if (exported.Count > 0) written.Add(Path.Combine(directory, ArtifactExport.FolderName) + Path.DirectorySeparatorChar);
        return written;
    }

    internal static async Task WriteAtomicallyAsync(string target, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IReportWriter WriterFor(ReportFormat format) =>
        Writers.FirstOrDefault(w => w.Format == format)
        ?? throw new ArgumentOutOfRangeException(nameof(format), format, "No writer is registered for this report format.");
}
