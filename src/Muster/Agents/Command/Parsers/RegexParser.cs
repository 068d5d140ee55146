using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>
/// For any other tool: the plan's <c>pattern</c> is matched against each output line; named groups <c>file</c>,
/// <c>line</c>, <c>col</c>, <c>severity</c>, <c>message</c> and <c>rule</c> fill the finding. A captured severity word
/// goes through <c>severity-map</c>, then the Muster labels, then <c>default-severity</c>.
/// </summary>
internal sealed class RegexParser(Regex pattern, string ruleId, Severity defaultSeverity, string category) : IOutputParser
{
    public ParsedOutput Parse(string output, ParserContext context)
    {
        var findings = new List<Finding>();
        var lines = 0;
        foreach (var rawLine in output.Split('\n'))
        {
            lines++;
            Match match;
            try
            {
                match = pattern.Match(rawLine.TrimEnd('\r'));
            }
            catch (RegexMatchTimeoutException)
            {
                throw new OutputParseException($"setting 'pattern' took over a second on output line {lines}; simplify it");
            }
            if (!match.Success) continue;
            var severityWord = Group(match, "severity");
            var severity = context.MappedSeverity(severityWord)
                ?? (SeverityText.TryParse(severityWord, out var s) ? s : defaultSeverity);
            var rule = Group(match, "rule") ?? ruleId;
            var message = Group(match, "message") ?? "";
            var line = int.TryParse(Group(match, "line"), out var l) ? l : 0;
            var column = int.TryParse(Group(match, "col"), out var c) ? c : 0;
            findings.Add(context.Complete(new Finding
            {
                RuleId = rule,
                Title = rule,
                Severity = severity,
                Category = category,
                Message = message,
                Location = context.Locate(Group(match, "file"), line, column),
            }, $"{line}:{column}:{message}"));
        }
        return new ParsedOutput(findings, new Dictionary<string, double> { ["matched_lines"] = findings.Count },
            $"regex: {findings.Count} of {lines} output lines matched");
    }

    private static string? Group(Match match, string name) =>
        match.Groups[name] is { Success: true } g && g.Value.Length > 0 ? g.Value : null;
}
