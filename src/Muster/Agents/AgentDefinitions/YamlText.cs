using Muster.Formats.Yaml;
using YamlDotNet.RepresentationModel;

namespace Muster.Agents.AgentDefinitions;

/// <summary>Small helpers over YamlDotNet's node model, keeping 1-based lines.</summary>
internal static class YamlText
{
    /// <summary>The first document's root mapping, or null for invalid YAML.</summary>
    /// <exception cref="YamlLimitException">The text is over a YAML budget.</exception>
    public static YamlMappingNode? LoadMapping(string text)
    {
        try
        {
            var stream = BoundedYaml.Load(text);
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlDotNet.Core.YamlException e) when (e is not YamlLimitException)
        {
            return null;
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    public static string? Scalar(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value;

    public static int Line(YamlNode node, int offset = 0) => (int)node.Start.Line + offset;

    /// <summary>A tools value: a list, or one comma-separated string ("Read, Grep, Bash").</summary>
    public static IReadOnlyList<string> List(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList(),
        YamlScalarNode { Value: { } v } => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };
}
