using Muster.Agents;
using Muster.Model;
using Spectre.Console;

namespace Muster.Cli.Terminal;

/// <summary>
/// The findings a user acts on, printed after the run: those at or above a threshold, worst first, one line each
/// (<c>SEVERITY RULE path:line title</c>), at most a set number of lines, then where the rest are.
/// </summary>
internal sealed class FindingsPrinter(TerminalSettings settings, ISecretScrubber scrubber)
{
    private const int MaxLocationWidth = 48;

    /// <param name="report">Where the findings not shown can be read (a report path); null when no report file was written.</param>
    public void Print(IReadOnlyList<Finding> findings, TextWriter writer, string? report)
    {
        if (settings.Quiet) return;
        var listed = findings
            .Where(f => f.Severity >= settings.MinSeverity)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Location?.Path ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        var below = findings.Count - listed.Count;
        writer.WriteLine();
        if (listed.Count == 0)
        {
            writer.WriteLine($"No finding at {settings.MinSeverity.ToLabel()} or above." + Below(below));
            return;
        }
        var shown = listed.Take(settings.Limit).ToList();
        writer.WriteLine($"Findings at {settings.MinSeverity.ToLabel()} or above: {listed.Count}" + Below(below));
        var ruleWidth = shown.Count == 0 ? 0 : shown.Max(f => f.RuleId.Length);
        var locationWidth = shown.Count == 0 ? 0 : Math.Min(MaxLocationWidth, shown.Max(f => Location(f).Length));
        var console = settings.Colour ? ColourConsole(writer) : null;
        Severity? group = null;
        foreach (var finding in shown)
        {
            if (group is not null && group != finding.Severity) writer.WriteLine();
            group = finding.Severity;
            var label = finding.Severity.ToLabel().PadRight(8);
            var rest = scrubber.Scrub($" {finding.RuleId.PadRight(ruleWidth)}  {Location(finding).PadRight(locationWidth)}  {OneLine(finding.Title)}");
            if (console is null) writer.WriteLine(label + rest);
            else console.MarkupLine($"[{Style(finding.Severity)}]{label}[/]{Markup.Escape(rest)}");
        }
        if (listed.Count > shown.Count)
        {
            var more = listed.Count - shown.Count;
            writer.WriteLine(report is null
                ? $"and {more} more (--findings-limit {listed.Count} lists them all)"
                : $"and {more} more in {report}");
        }
    }

    private string Below(int count) =>
        count == 0 ? "" : $" ({count} below {settings.MinSeverity.ToLabel()} not listed; --min-severity INFO lists them)";

    private static string Location(Finding finding) => finding.Location switch
    {
        null => "-",
        { Line: > 0 } l => $"{l.Path}:{l.Line}",
        { } l => l.Path,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Style(Severity severity) => severity switch
    {
        Severity.Critical => "bold red",
        Severity.High => "red",
        Severity.Medium => "yellow",
        Severity.Low => "blue",
        _ => "grey",
    };

    /// <summary>A console that colours but never wraps: a wrapped line no longer greps or copies as one.</summary>
    private static IAnsiConsole ColourConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = int.MaxValue / 2;
        return console;
    }
}
