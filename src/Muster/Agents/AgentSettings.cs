using System.Globalization;
using Muster.Formats;

namespace Muster.Agents;

/// <summary>
/// An agent's <c>with:</c> block. Scalars are strings, sequences are <see cref="IReadOnlyList{T}"/> of values and
/// mappings are <see cref="IReadOnlyDictionary{TKey,TValue}"/>; typed getters fail with the key's name and the fix.
/// </summary>
public sealed partial class AgentSettings
{
    public static readonly AgentSettings Empty = new(new Dictionary<string, object?>());

    public AgentSettings(IReadOnlyDictionary<string, object?> values) => Values = values;

    public IReadOnlyDictionary<string, object?> Values { get; }

    public bool Has(string key) => Values.ContainsKey(key);

    public string? GetString(string key, string? fallback = null) =>
        Values.TryGetValue(key, out var v) ? v switch
        {
            null => fallback,
            string s => s,
            _ => throw Invalid(key, "a single value"),
        } : fallback;

    public string GetRequiredString(string key) =>
        GetString(key) ?? throw new AgentSettingsException($"setting '{key}' is required: add '{key}: ...' under 'with:'") { Key = key, Missing = true };

    public int GetInt(string key, int fallback) =>
        GetString(key) is { } s
            ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Invalid(key, "a whole number")
            : fallback;

    public double GetDouble(string key, double fallback) =>
        GetString(key) is { } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Invalid(key, "a number")
            : fallback;

    public bool GetBool(string key, bool fallback) =>
        GetString(key) is { } s
            ? s.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => throw Invalid(key, "true or false"),
            }
            : fallback;

    public TimeSpan GetDuration(string key, TimeSpan fallback) =>
        GetString(key) is { } s
            ? DurationText.TryParse(s, out var d) ? d : throw Invalid(key, DurationText.Allowed)
            : fallback;

    /// <summary>A list setting; a single scalar counts as a one-item list.</summary>
    public IReadOnlyList<string> GetStringList(string key) =>
        Values.TryGetValue(key, out var v) ? v switch
        {
            null => [],
            string s => [s],
            IReadOnlyList<object?> list => list.Select(item => item as string ?? throw Invalid(key, "a list of single values")).ToList(),
            _ => throw Invalid(key, "a list"),
        } : [];

    public IReadOnlyDictionary<string, string> GetStringMap(string key) =>
        Values.TryGetValue(key, out var v) ? v switch
        {
            null => new Dictionary<string, string>(),
            IReadOnlyDictionary<string, object?> map => map.ToDictionary(
                kv => kv.Key, kv => kv.Value as string ?? throw Invalid($"{key}.{kv.Key}", "a single value")),
            _ => throw Invalid(key, "a mapping of names to values"),
        } : new Dictionary<string, string>();

    public AgentSettings GetSection(string key) =>
        Values.TryGetValue(key, out var v) && v is IReadOnlyDictionary<string, object?> map ? new AgentSettings(map) : Empty;

    /// <summary>The error for a value of <paramref name="key"/> that is not <paramref name="expected"/>.</summary>
    public static AgentSettingsException Invalid(string key, string expected) =>
        new($"setting '{key}' must be {expected}") { Key = key };
}

/// <summary>A <c>with:</c> value the agent cannot use; <see cref="Key"/> names the setting, so plan checking points at its line.</summary>
public sealed class AgentSettingsException(string message) : Exception(message)
{
    /// <summary>The setting at fault (<c>key</c> or <c>section.key</c>); null when the block as a whole is wrong.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// A required setting is absent (or needs another that is): muster.yaml's per-kind overrides are partial, so only a
    /// whole plan's block is faulted for it.
    /// </summary>
    public bool Missing { get; init; }
}
