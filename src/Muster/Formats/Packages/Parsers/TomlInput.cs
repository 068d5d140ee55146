using Muster.Formats.Packages.Model;
using Tomlyn;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

internal static class TomlInput
{
    /// <summary>Parses TOML; on failure records a problem at the reported line and returns null.</summary>
    public static TomlTable? Parse(ManifestFile file, ParseResult result)
    {
        try
        {
            return TomlSerializer.Deserialize<TomlTable>(file.Text);
        }
        catch (TomlException e)
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, Math.Max(1, e.Line ?? 1), $"Invalid TOML: {e.Message}"));
            return null;
        }
    }

    public static TomlTable? Table(this TomlTable table, params string[] path)
    {
        var current = table;
        foreach (var key in path)
        {
            if (!current.TryGetValue(key, out var next) || next is not TomlTable t) return null;
            current = t;
        }
        return current;
    }

    public static string? String(this TomlTable table, string key) =>
        table.TryGetValue(key, out var v) ? v as string : null;

    public static IEnumerable<string> Strings(this TomlTable table, string key) =>
        table.TryGetValue(key, out var v) && v is TomlArray a ? a.OfType<string>() : [];

    public static IEnumerable<TomlTable> Tables(this TomlTable table, string key) =>
        table.TryGetValue(key, out var v) switch
        {
            true when v is TomlTableArray ta => ta,
            true when v is TomlArray a => a.OfType<TomlTable>(),
            _ => [],
        };
}
