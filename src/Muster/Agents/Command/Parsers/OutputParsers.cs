namespace Muster.Agents.Command.Parsers;

/// <summary>The parsers a plan may name in <c>parser:</c>.</summary>
internal static class OutputParsers
{
    public static readonly IReadOnlyList<string> Names = ["eslint", "junit", "regex", "sarif", "tsc"];

    public static IOutputParser Create(string name, AgentSettings settings) => name.ToLowerInvariant() switch
    {
        "sarif" => new SarifParser(),
        "junit" => new JUnitParser(),
        "tsc" => new TscParser(),
        "eslint" => new EslintParser(),
        "regex" => RegexParser.FromSettings(settings),
        _ => throw new AgentSettingsException($"setting 'parser' must be one of {string.Join(", ", Names)}; '{name}' is not"),
    };
}
