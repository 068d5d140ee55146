using System.Diagnostics.CodeAnalysis;

namespace Muster.Tests.Agents.SettingDocs;

/// <summary>A <c>with:</c> block that records every key a settings record looks up, present or not.</summary>
internal sealed class ReadKeys(IReadOnlyDictionary<string, object?> values) : IReadOnlyDictionary<string, object?>
{
    public HashSet<string> Read { get; } = new(StringComparer.Ordinal);

    public object? this[string key] => values[Record(key)];

    public IEnumerable<string> Keys => values.Keys;
    public IEnumerable<object?> Values => values.Values;
    public int Count => values.Count;

    public bool ContainsKey(string key) => values.ContainsKey(Record(key));

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => values.TryGetValue(Record(key), out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private string Record(string key)
    {
        Read.Add(key);
        return key;
    }
}
