using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>
/// TypeScript compiler diagnostics, both forms: <c>file(line,col): error TS2322: msg</c> (<c>--pretty false</c>, the
/// default when not on a terminal) and <c>file:line:col - error TS2322: msg</c> (pretty). Indented lines that follow
/// continue the message. Metric <c>type_errors</c> counts error diagnostics: the seed's TypeScript gate.
/// </summary>
internal sealed partial class TscParser : IOutputParser
{
    [GeneratedRegex(@"^(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|message) (?<code>TS\d+): (?<msg>.*)$")]
    private static partial Regex PlainForm();

    [GeneratedRegex(@"^(?<file>\S.*?):(?<line>\d+):(?<col>\d+) - (?<sev>error|warning|message) (?<code>TS\d+): (?<msg>.*)$")]
    private static partial Regex PrettyForm();

    [GeneratedRegex(@"^(?<sev>error|warning|message) (?<code>TS\d+): (?<msg>.*)$")]
    private static partial Regex GlobalForm();

    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    public ParsedOutput Parse(string output, ParserContext context)
    {
        var findings = new List<Finding>();
        int errors = 0, warnings = 0;
        Diagnostic? current = null;
        foreach (var rawLine in AnsiEscape().Replace(output, "").Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var match = PlainForm().Match(line) is { Success: true } m1 ? m1
                : PrettyForm().Match(line) is { Success: true } m2 ? m2
                : GlobalForm().Match(line);
            if (match.Success)
            {
                Flush(current, findings, context);
                current = new Diagnostic(match);
                if (current.Level == "error") errors++; else if (current.Level == "warning") warnings++;
            }
            else if (current is not null && line.Length > 0 && char.IsWhiteSpace(line[0]) && !current.HasSourceExcerpt(line))
            {
                current.Message += "\n" + line.Trim();
            }
            else if (line.Trim().Length == 0 && current is not null)
            {
                current.Closed = true;
            }
        }
        Flush(current, findings, context);
        return new ParsedOutput(findings, new Dictionary<string, double>
        {
            [GateMetricNames.TypeErrors] = errors,
            ["type_warnings"] = warnings,
        }, $"tsc: {errors} errors, {warnings} warnings");
    }

    private static void Flush(Diagnostic? d, List<Finding> findings, ParserContext context)
    {
        if (d is null) return;
        findings.Add(context.Complete(new Finding
        {
            RuleId = d.Code,
            Title = $"TypeScript {d.Level} {d.Code}",
            Severity = context.MappedSeverity(d.Level) ?? (d.Level == "error" ? Severity.Medium : Severity.Low),
            Category = "types",
            Message = d.Message,
            Location = context.Locate(d.File, d.Line, d.Column),
        }, $"{d.Line}:{d.Column}:{d.Message}"));
    }

    private sealed class Diagnostic(Match match)
    {
        public string? File { get; } = match.Groups["file"].Success ? match.Groups["file"].Value.Trim() : null;
        public int Line { get; } = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : 0;
        public int Column { get; } = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value) : 0;
        public string Level { get; } = match.Groups["sev"].Value;
        public string Code { get; } = match.Groups["code"].Value;
        public string Message { get; set; } = match.Groups["msg"].Value.Trim();
        public bool Closed { get; set; }

        // The pretty form follows a diagnostic with the source line and a '~~~' marker after a blank line; those are
        // not part of the message.
        public bool HasSourceExcerpt(string line) => Closed || line.TrimStart().StartsWith('~') || char.IsDigit(line.TrimStart().FirstOrDefault());
    }
}
