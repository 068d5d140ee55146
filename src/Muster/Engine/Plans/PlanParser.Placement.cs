using YamlDotNet.RepresentationModel;

namespace Muster.Engine.Plans;

/// <summary><c>on: {host: vps1}</c> (an agent's or a wave's) and <c>root: NAME</c>: where a cluster run places an agent.</summary>
public sealed partial class PlanParser
{
    private static Dictionary<string, string>? ParseOn(Ctx ctx, YamlNode node, string what)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            ctx.Error(node, $"'on' of a {what} must be a non-empty mapping of worker labels", "write e.g. 'on: {host: vps1}' (a worker's --labels host=vps1)");
            return null;
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ctx.Scalar(keyNode, "on key");
            var value = ctx.Scalar(valueNode, $"on.{key}");
            if (key is null || value is null) continue;
            if (!IsLabelText(key) || !IsLabelText(value))
            {
                ctx.Error(string.IsNullOrEmpty(key) || !IsLabelText(key) ? keyNode : valueNode,
                    $"label '{key}={value}' may hold only letters, digits, '.', '_' and '-'", "write e.g. 'on: {host: vps1, engine: docker}'");
                continue;
            }
            if (!labels.TryAdd(key, value)) ctx.Error(keyNode, $"label '{key}' is given twice", "keep one");
        }
        return labels;
    }

    private static string? ParseRootName(Ctx ctx, YamlNode node)
    {
        var name = ctx.Scalar(node, "root");
        if (name is not null && IsLabelText(name)) return name;
        if (node is YamlScalarNode)
        {
            ctx.Error(node, $"'root' names a worker's root (its --root NAME=PATH), not '{name}'", "write e.g. 'root: workspace': letters, digits, '.', '_' and '-'");
        }
        return null;
    }

    /// <summary>What <c>muster worker --labels</c> and <c>--root</c> accept too.</summary>
    public static bool IsLabelText(string text) =>
        text.Length > 0 && text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-');
}
