namespace Muster.Formats.Compose;

/// <summary>
/// Lookups over a tree read by <see cref="YamlTreeReader.ReadAsWritten"/>, where <c>&lt;&lt;: *anchor</c> merge entries
/// are still entries: a key is looked up in the mapping first, then in what its <c>&lt;&lt;</c> entry points at.
/// </summary>
internal static class ComposeAsWritten
{
    private const int MaxMergeDepth = 8;

    public static ComposeNode? Get(this ComposeMapping map, string key) => Get(map, key, depth: 0);

    private static ComposeNode? Get(ComposeMapping map, string key, int depth)
    {
        ComposeNode? merge = null;
        foreach (var entry in map.Entries)
        {
            if (entry.Key == key) return entry.Value;
            if (entry.Key == "<<") merge = entry.Value;
        }
        if (merge is null || depth > MaxMergeDepth) return null;
        foreach (var source in merge is ComposeSequence seq ? seq.Items : [merge])
        {
            if (source is ComposeMapping m && Get(m, key, depth + 1) is { } found) return found;
        }
        return null;
    }

    public static ComposeNode? Get(this ComposeNode? node, string key) => node is ComposeMapping map ? Get(map, key, depth: 0) : null;

    public static string? Text(this ComposeNode? node) => (node as ComposeScalar)?.Value;

    /// <summary>Scalars of a sequence (other items skipped); a lone scalar counts as a one-item list.</summary>
    public static IEnumerable<ComposeScalar> Scalars(this ComposeNode? node) => node switch
    {
        ComposeSequence seq => seq.Items.OfType<ComposeScalar>(),
        ComposeScalar s => [s],
        _ => [],
    };

    /// <summary>YAML 1.1 booleans compose accepts as true.</summary>
    public static bool IsTrue(this ComposeNode? node) => node.Text()?.Trim().ToLowerInvariant() is "true" or "yes" or "on";

    /// <summary>
    /// Key/value pairs of an <c>environment</c> block in map form or <c>KEY=value</c> list form, with the node a finding
    /// points at: the value when it is a scalar, else the key.
    /// </summary>
    public static IEnumerable<(string Key, string? Value, ComposePosition At)> EnvironmentPairs(this ComposeNode? node)
    {
        switch (node)
        {
            case ComposeMapping map:
                foreach (var entry in map.Entries)
                {
                    yield return (entry.Key, entry.Value.Text(), entry.Value is ComposeScalar ? entry.Value.Position : entry.KeyPosition);
                }
                break;
            case ComposeSequence seq:
                foreach (var item in seq.Items.OfType<ComposeScalar>())
                {
                    var text = item.Value ?? "";
                    var eq = text.IndexOf('=', StringComparison.Ordinal);
                    yield return eq < 0 ? (text, null, item.Position) : (text[..eq], text[(eq + 1)..], item.Position);
                }
                break;
        }
    }
}
