using System.Text.RegularExpressions;

namespace Muster.Agents.ConfigAudit;

/// <summary>Reads the variable names an example env file documents (commented-out <c># NAME=</c> lines count too).</summary>
internal static partial class EnvExampleFile
{
    public static IReadOnlySet<string> Names(string text) =>
        text.Split('\n').Select(l => NameLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(#\s*)?(export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=")]
    private static partial Regex NameLine();
}
