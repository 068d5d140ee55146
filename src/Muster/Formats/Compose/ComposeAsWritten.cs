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

    /// <summary>
    /// The entries a mapping has once its <c>&lt;&lt;</c> merge keys are applied: its own entries (not the <c>&lt;&lt;</c>
    /// ones), then those of the mappings <c>&lt;&lt;</c> points at that it does not set itself, the first source winning
    /// a key several set. A merged entry keeps the position where it is written (in the anchored mapping).
    /// </summary>
    public static IEnumerable<ComposeEntry> MergedEntries(this ComposeMapping map) => MergedEntries(map, depth: 0);

    private static List<ComposeEntry> MergedEntries(ComposeMapping map, int depth)
    {
        var entries = map.Entries.Where(e => e.Key != "<<").ToList();
        if (depth > MaxMergeDepth) return entries;
        var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var merge in map.Entries.Where(e => e.Key == "<<"))
        {
            foreach (var source in merge.Value is ComposeSequence seq ? seq.Items : [merge.Value])
            {
                if (source is not ComposeMapping m) continue;
                entries.AddRange(MergedEntries(m, depth + 1).Where(e => keys.Add(e.Key)));
            }
        }
        return entries;
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
