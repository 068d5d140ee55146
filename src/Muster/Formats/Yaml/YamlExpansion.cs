using Muster.Formats.Limits;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Muster.Formats.Yaml;

/// <summary>
/// Measures a loaded document as a walk that follows aliases would see it (an alias bomb is a few hundred bytes of
/// text and billions of nodes once expanded) without expanding it: each distinct node is visited once, iteratively.
/// </summary>
internal static class YamlExpansion
{
    private readonly record struct Measure(long Nodes, int Depth);

    public static void Check(YamlNode root)
    {
        var done = new Dictionary<YamlNode, Measure>(ReferenceEqualityComparer.Instance);
        var onPath = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(YamlNode Node, bool ChildrenDone)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, childrenDone) = stack.Pop();
            if (!childrenDone)
            {
                if (done.ContainsKey(node)) continue;
                if (!onPath.Add(node))
                {
                    throw new YamlLimitException(node.Start, "YAML alias refers to its own ancestor (infinite expansion); not audited");
                }
                stack.Push((node, true));
                foreach (var child in Children(node))
                {
                    if (onPath.Contains(child))
                    {
                        throw new YamlLimitException(child.Start, "YAML alias refers to its own ancestor (infinite expansion); not audited");
                    }
                    if (!done.ContainsKey(child)) stack.Push((child, false));
                }
                continue;
            }
            onPath.Remove(node);
            long nodes = 1;
            var depth = 0;
            foreach (var child in Children(node))
            {
                var measure = done[child];
                nodes = Math.Min(long.MaxValue / 2, nodes + measure.Nodes);
                depth = Math.Max(depth, measure.Depth);
            }
            var own = new Measure(nodes, node is YamlScalarNode ? 0 : depth + 1);
            done[node] = own;
            if (own.Nodes - done.Count > InputLimits.YamlMaxAliasExpandedNodes)
            {
                throw new YamlLimitException(node.Start,
                    $"YAML alias expansion exceeds {InputLimits.YamlMaxAliasExpandedNodes:N0} nodes; not audited");
            }
            if (own.Depth > InputLimits.YamlMaxDepth)
            {
                throw new YamlLimitException(node.Start, $"YAML nesting exceeds {InputLimits.YamlMaxDepth} levels once aliases are expanded; not audited");
            }
        }
    }

    private static IEnumerable<YamlNode> Children(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children,
        YamlMappingNode mapping => mapping.Children.SelectMany(kv => new[] { kv.Key, kv.Value }),
        _ => [],
    };
}
