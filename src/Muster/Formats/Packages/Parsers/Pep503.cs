using System.Text.RegularExpressions;

namespace Muster.Formats.Packages.Parsers;

/// <summary>PEP 503 name normalisation: lower case, every run of '-', '_' and '.' becomes one '-'.</summary>
internal static partial class Pep503
{
    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    public static string Normalize(string name) => Separators().Replace(name.Trim(), "-").ToLowerInvariant();
}
