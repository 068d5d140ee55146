using System.Text.RegularExpressions;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// A type-checker suppression on an import line that says the module may not be installed
/// (<c># type: ignore[import-not-found]</c>, <c># pyright: ignore[reportMissingImports]</c>,
/// <c># ty: ignore[unresolved-import]</c>): the maintainer knows the import is optional, so it is not a crash Muster
/// can claim.
/// </summary>
internal static partial class MissingImportMarker
{
    public static string? On(string source, int line)
    {
        var text = Line(source, line);
        if (text is null || !text.Contains('#', StringComparison.Ordinal)) return null;
        var match = Marker().Match(text);
        return match.Success ? match.Value.TrimStart('#', ' ') : null;
    }

    private static string? Line(string source, int line)
    {
        var start = 0;
        for (var current = 1; current < line; current++)
        {
            start = source.IndexOf('\n', start);
            if (start < 0) return null;
            start++;
        }
        var end = source.IndexOf('\n', start);
        return end < 0 ? source[start..] : source[start..end];
    }

    [GeneratedRegex(@"#\s*(?:type:\s*ignore\[[^\]]*import(?:-not-found)?[^\]]*\]|pyright:\s*ignore\[[^\]]*reportMissingImports[^\]]*\]|ty:\s*ignore\[[^\]]*unresolved-import[^\]]*\])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
