using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>How the command agent reads the tool's output: the parser, its input file, severities and the regex parser's pattern.</summary>
internal sealed record OutputSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("parser", SettingType.OneOf(OutputParsers.Names), null, "How the output is read into findings and metrics.") { Unset = "not parsed: exit code and output are kept as artifacts", Sample = "sarif" },
        new("output-file", SettingType.RelativePath, null, "Read this file (or glob, e.g. `reports/*.xml`) under the root instead of stdout. A file older than the command's start is refused: a stale report never passes for this run's.") { Unset = "standard output", Needs = "parser" },
        new("pattern", SettingType.Regex, null, "The regex parser's pattern, matched per output line, with named groups `file`, `line`, `col`, `severity`, `message` (required) and `rule`. Required with `parser: regex`.") { Unset = "none" },
        new("severity-map", SettingType.SeverityMap, null, "Tool level → Muster severity, matched ignoring case (keys: SARIF levels, `error`/`failure` for JUnit, `error`/`warning` for tsc and ESLint, captured words for regex).") { Unset = "each parser's own" },
        new("default-severity", SettingType.Severity, "MEDIUM", "The regex parser's severity for a line whose `severity` group is absent, or neither in `severity-map` nor a Muster severity."),
        new("rule-id", SettingType.Text, "COMMAND", "The regex parser's rule id for a line without a `rule` group."),
        new("category", SettingType.Text, "command", "The regex parser's finding category."),
    ];

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
