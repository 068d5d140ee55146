using YamlDotNet.RepresentationModel;

namespace Muster.Agents.ConfigAudit;

/// <summary>Small helpers over YamlDotNet's representation model that honour compose's <c>&lt;&lt;: *anchor</c> merge keys.</summary>
internal static class ComposeYaml
{
    public static YamlNode? Get(this YamlMappingNode map, string key) => Get(map, key, depth: 0);

    private static YamlNode? Get(YamlMappingNode map, string key, int depth)
    {
        YamlNode? merge = null;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } name }) continue;
            if (name == key) return v;
            if (name == "<<") merge = v;
        }
        if (merge is null || depth > 8) return null;
        var sources = merge is YamlSequenceNode seq ? seq.Children : [merge];
        foreach (var source in sources)
        {
            if (source is YamlMappingNode m && Get(m, key, depth + 1) is { } found) return found;
        }
        return null;
    }

    public static string? Text(this YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    public static YamlMappingNode? Map(this YamlNode? node) => node as YamlMappingNode;

    /// <summary>Scalars of a sequence node (non-scalars skipped); a lone scalar counts as a one-item list.</summary>
    public static IEnumerable<YamlScalarNode> Scalars(this YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>(),
        YamlScalarNode s => [s],
        _ => [],
    };

    public static bool IsTrue(this YamlNode? node) =>
        node.Text()?.Trim().ToLowerInvariant() is "true" or "yes" or "on";

    /// <summary>Key/value pairs of an <c>environment</c> block in map form or <c>KEY=value</c> list form.</summary>
    public static IEnumerable<(string Key, string? Value, YamlNode At)> EnvironmentPairs(this YamlNode? node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    if (k is YamlScalarNode { Value: { } key }) yield return (key, v.Text(), v is YamlScalarNode { Value: not null } ? v : k);
                }
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children.OfType<YamlScalarNode>())
                {
                    var text = item.Value ?? "";
                    var eq = text.IndexOf('=', StringComparison.Ordinal);
                    yield return eq < 0 ? (text, null, item) : (text[..eq], text[(eq + 1)..], item);
                }
                break;
        }
    }

    public static int Line(this YamlNode node) => (int)node.Start.Line;
    public static int Column(this YamlNode node) => (int)node.Start.Column;
}
