namespace Muster.Agents.Command.Parsers;

/// <summary>The parsers a plan may name in <c>parser:</c>.</summary>
internal static class OutputParsers
{
    public static readonly IReadOnlyList<string> Names = ["eslint", "junit", "regex", "sarif", "tsc"];

    /// <summary>The parser the settings name; null when they name none.</summary>
    public static IOutputParser? Create(OutputSettings settings) => settings.Parser switch
    {
        null => null,
        "sarif" => new SarifParser(),
        "junit" => new JUnitParser(),
        "tsc" => new TscParser(),
        "eslint" => new EslintParser(),
        "regex" => new RegexParser(settings.Pattern!, settings.RuleId, settings.DefaultSeverity, settings.Category),
        _ => throw new InvalidOperationException($"parser '{settings.Parser}' is listed in Names but not created"),
    };
}
