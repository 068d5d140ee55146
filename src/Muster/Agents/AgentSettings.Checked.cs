using System.Globalization;
using System.Text.RegularExpressions;
using Muster.Formats;
using Muster.Model;

namespace Muster.Agents;

/// <summary>Getters that also check a value's range or choices, so every agent's settings record fails the same way.</summary>
public sealed partial class AgentSettings
{
    public int GetInt(string key, int fallback, int min, int max = int.MaxValue) =>
        Has(key) ? InRange(key, GetInt(key, fallback), min, max) : fallback;

    /// <summary>A whole number in range, or null when the key is absent.</summary>
    public int? GetOptionalInt(string key, int min, int max = int.MaxValue) =>
        GetString(key) is null ? null : InRange(key, GetInt(key, 0), min, max);

    public double GetDouble(string key, double fallback, double min) =>
        GetString(key) is null ? fallback
            : GetDouble(key, fallback) is var d && d >= min ? d : throw Invalid(key, $"a number of {Number(min)} or more");

    public TimeSpan GetDuration(string key, TimeSpan fallback, TimeSpan min) =>
        GetDuration(key, fallback) is var d && d >= min ? d : throw Invalid(key, $"{DurationText.Allowed}, at least {DurationText.Format(min)}");

    /// <summary>One of <paramref name="allowed"/> (compared ignoring case, returned as listed), or the fallback when absent.</summary>
    public string? GetChoice(string key, IReadOnlyList<string> allowed, string? fallback = null) =>
        GetString(key) is not { } text ? fallback
            : allowed.FirstOrDefault(a => a.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? throw new AgentSettingsException($"setting '{key}' must be one of {string.Join(", ", allowed)}; '{text}' is not") { Key = key };

    /// <summary>Every item of a list setting one of <paramref name="allowed"/>; the items as listed.</summary>
    public IReadOnlyList<string> GetChoices(string key, IReadOnlyList<string> allowed)
    {
        var items = GetStringList(key);
        var unknown = items.Where(i => !allowed.Contains(i.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        return unknown.Count == 0
            ? items.Select(i => allowed.First(a => a.Equals(i.Trim(), StringComparison.OrdinalIgnoreCase))).Distinct().ToList()
            : throw new AgentSettingsException($"setting '{key}' accepts {string.Join(", ", allowed)}, not {string.Join(", ", unknown)}") { Key = key };
    }

    public Severity GetSeverity(string key, Severity fallback) =>
        GetString(key) is not { } text ? fallback
            : SeverityText.TryParse(text, out var severity) ? severity
            : throw new AgentSettingsException($"setting '{key}' must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO; '{text}' is not") { Key = key };

    /// <summary>A mapping whose values are severities (a tool's level word → Muster's severity), keys ignoring case.</summary>
    public IReadOnlyDictionary<string, Severity> GetSeverityMap(string key)
    {
        var map = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, text) in GetStringMap(key))
        {
            if (!SeverityText.TryParse(text, out var severity))
            {
                throw new AgentSettingsException($"setting '{key}': '{text}' (for '{word}') is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO") { Key = key };
            }
            map.TryAdd(word, severity);
        }
        return map;
    }

    /// <summary>A regular expression that compiles, matched with <paramref name="timeout"/>; null when absent.</summary>
    public Regex? GetRegex(string key, TimeSpan timeout)
    {
        if (GetString(key) is not { } text) return null;
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException e)
        {
            throw new AgentSettingsException($"setting '{key}' is not a valid regular expression: {e.Message}") { Key = key };
        }
    }

    /// <summary>A path relative to the audited root (an absolute one is refused: a plan must not reach outside it).</summary>
    public string? GetRelativePath(string key) =>
        GetString(key) is { } path && Path.IsPathRooted(path)
            ? throw new AgentSettingsException($"setting '{key}' must be relative to the audited root, not '{path}'") { Key = key }
            : GetString(key);

    /// <summary>The error for a setting that needs <paramref name="required"/>, absent from the block.</summary>
    public static AgentSettingsException Needs(string key, string required, string example) =>
        new($"setting '{key}' needs '{required}': add '{required}: {example}' under 'with:'") { Key = key, Missing = true };

    private static int InRange(string key, int value, int min, int max) =>
        value >= min && value <= max ? value
            : throw Invalid(key, max == int.MaxValue ? $"a whole number of {Number(min)} or more" : $"a whole number from {Number(min)} to {Number(max)}");

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
