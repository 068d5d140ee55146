using System.Globalization;

namespace Muster.Agents;

/// <summary>
/// The type of a setting as the docs name it, with a value of it the agent's settings record must accept and one it
/// must refuse (plan syntax), so the name in the table is checked against the getter the record calls.
/// </summary>
/// <param name="Wrong">A value of another type, or out of range; null: every value of the syntax is accepted.</param>
public sealed record SettingType(string Name, string Sample, string? Wrong)
{
    public static readonly SettingType Text = new("text", "value", "[a, b]");
    public static readonly SettingType Flag = new("true/false", "true", "maybe");
    public static readonly SettingType Duration = new("duration (500ms, 30s, 2m, 1h)", "3s", "soon");
    public static readonly SettingType Globs = new("list of globs", "['**/*.md', 'src/**']", "{a: b}");
    public static readonly SettingType Names = new("list of names", "[ONE, TWO]", "{a: b}");
    public static readonly SettingType Texts = new("list", "[one, two]", "{a: b}");
    public static readonly SettingType Map = new("mapping of names to values", "{A: one}", "[a, b]");
    public static readonly SettingType Path = new("path", "some/file.yaml", "[a, b]");
    public static readonly SettingType RelativePath = new("path relative to the root", "some/dir", "/etc");
    public static readonly SettingType Url = new("http(s) URL", "http://localhost:11434/v1", "ftp://localhost/v1");
    public static readonly SettingType Regex = new("regular expression", "'(?<message>.*)'", "'(unclosed'");
    public static readonly SettingType Regexes = new("list of regular expressions", "['^test-', 'x{3}']", "['(unclosed']");
    public static readonly SettingType Severity = new("severity (CRITICAL, HIGH, MEDIUM, LOW, INFO)", "HIGH", "urgent");
    public static readonly SettingType SeverityMap = new("mapping of words to severities", "{error: HIGH, warning: LOW}", "{error: urgent}");

    public static SettingType WholeNumber(int min = int.MinValue, int max = int.MaxValue) =>
        new(min == int.MinValue ? "whole number" : max == int.MaxValue ? $"whole number ≥ {N(min)}" : $"whole number {N(min)}–{N(max)}",
            N(Math.Max(min, 1)), min == int.MinValue ? "lots" : N(min - 1));

    public static SettingType Number(double min) => new($"number ≥ {N(min)}", N(min + 1.5), N(min - 1));

    /// <summary>One of <paramref name="choices"/>, compared ignoring case.</summary>
    public static SettingType OneOf(IReadOnlyList<string> choices) =>
        new("one of " + string.Join(", ", choices.Select(c => $"`{c}`")), choices[0], "no-such-" + choices[0]);

    /// <summary>A list whose items are each one of <paramref name="choices"/>.</summary>
    public static SettingType ListOf(IReadOnlyList<string> choices) =>
        new("list of " + string.Join(", ", choices.Select(c => $"`{c}`")), $"[{choices[0]}]", $"[no-such-{choices[0]}]");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
