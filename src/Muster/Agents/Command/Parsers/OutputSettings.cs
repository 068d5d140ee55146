using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>How the command agent reads the tool's output: the parser, its input file, severities and the regex parser's pattern.</summary>
internal sealed record OutputSettings
{
    /// <summary>One of <see cref="OutputParsers.Names"/>; null: the output is kept as artifacts, not parsed.</summary>
    public string? Parser { get; init; }

    /// <summary>A root-relative path or glob of report files the tool writes; null: its standard output.</summary>
    public string? OutputFile { get; init; }

    /// <summary>The plan's severity for a tool's level word (error, warning, 2...), matched ignoring case.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityMap { get; init; } = new Dictionary<string, Severity>();

    /// <summary>The regex parser's pattern, with a named group 'message'.</summary>
    public Regex? Pattern { get; init; }
    public Severity DefaultSeverity { get; init; } = Severity.Medium;
    public string RuleId { get; init; } = "COMMAND";
    public string Category { get; init; } = "command";

    /// <exception cref="AgentSettingsException">An unknown parser, a pattern that does not compile, a severity that is not one.</exception>
    public static OutputSettings From(AgentSettings settings)
    {
        var pattern = settings.GetRegex("pattern", TimeSpan.FromSeconds(1));
        if (pattern is not null && !pattern.GetGroupNames().Contains("message"))
        {
            throw new AgentSettingsException("setting 'pattern' must have a named group 'message', e.g. (?<message>.*)") { Key = "pattern" };
        }
        var read = new OutputSettings
        {
            Parser = settings.GetChoice("parser", OutputParsers.Names),
            OutputFile = settings.GetRelativePath("output-file"),
            SeverityMap = settings.GetSeverityMap("severity-map"),
            Pattern = pattern,
            DefaultSeverity = settings.GetSeverity("default-severity", Severity.Medium),
            RuleId = settings.GetString("rule-id", "COMMAND")!,
            Category = settings.GetString("category", "command")!,
        };
        if (read.OutputFile is not null && read.Parser is null) throw AgentSettings.Needs("output-file", "parser", "sarif");
        if (read.Parser == "regex" && pattern is null) _ = settings.GetRequiredString("pattern");
        return read;
    }
}
