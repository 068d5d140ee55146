using Muster.Engine.Plans;
using Muster.Formats.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Muster.Runs.Config;

/// <summary>
/// Reading a committed YAML file (muster.yaml, .musterignore) in the plan parser's style: bounded loading, and every
/// problem collected at file:line:column with the fix.
/// </summary>
internal sealed class YamlErrors(string file)
{
    public List<PlanError> Errors { get; } = [];

    public void Error(YamlNode node, string message, string? fix = null) =>
        Errors.Add(new PlanError(file, (int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column), message, fix));

    /// <summary>The file's one document as a mapping; null (with the error) when it is not valid YAML, over a budget, or not a mapping. Empty text: an empty mapping.</summary>
    public YamlMappingNode? LoadMapping(string text, string notAMapping, string fix) =>
        LoadRoot(text) switch
        {
            null when Errors.Count == 0 => new YamlMappingNode(),
            YamlMappingNode map => map,
            YamlScalarNode { Value: null or "" } => new YamlMappingNode(),
            { } other => Fail(other, notAMapping, fix),
            _ => null,
        };

    /// <summary>The root node, or null when the text is empty or (with the error) unreadable.</summary>
    public YamlNode? LoadRoot(string text)
    {
        try
        {
            var stream = BoundedYaml.Load(text);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlLimitException e)
        {
            Errors.Add(new PlanError(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), e.Reason, "remove the aliases or nesting that multiply it (see docs/input-limits.md)"));
        }
        catch (YamlException e)
        {
            Errors.Add(new PlanError(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), BoundedYaml.Describe(e), "check indentation and quoting at this point"));
        }
        return null;
    }

    private YamlMappingNode? Fail(YamlNode node, string message, string fix)
    {
        Error(node, message, fix);
        return null;
    }

    /// <summary>The mapping's keys, with unknown (and did-you-mean) and duplicate keys reported.</summary>
    public Dictionary<string, YamlNode> Keys(YamlMappingNode map, IReadOnlyCollection<string> known, string what, string knownLabel = "known keys")
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, $"keys of the {what} must be plain names");
                continue;
            }
            if (!known.Contains(key))
            {
                var close = Suggest.Closest(key, known);
                Error(keyNode, $"unknown key '{key}' in the {what}",
                    (close is null ? "" : $"did you mean '{close}'? ") + (known.Count == 0 ? "it takes none" : $"{knownLabel}: " + string.Join(", ", known)));
                continue;
            }
            if (!result.TryAdd(key, value)) Error(keyNode, $"'{key}' is given twice in the {what}", "keep one");
        }
        return result;
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode s) return s.Value;
        Error(node, $"'{what}' must be a single value, not a list or mapping");
        return null;
    }

    /// <summary>A non-empty relative or absolute path.</summary>
    public string? Path(YamlNode node, string what)
    {
        var text = Scalar(node, what)?.Trim();
        if (!string.IsNullOrEmpty(text)) return text;
        if (node is YamlScalarNode) Error(node, $"'{what}' needs a path", $"write e.g. '{what}: {Example(what)}' (relative to muster.yaml) or remove the key");
        return null;
    }

    private static string Example(string what) => what switch
    {
        "plan" => "muster-plan.yaml",
        "ignore-file" => RepoConfig.DefaultIgnoreFile,
        _ => Agents.Secrets.SecretsBaseline.DefaultRelativePath,
    };

    /// <summary>A list of non-empty strings (a single string is a one-item list).</summary>
    public List<string> StringList(YamlNode node, string what, string fix)
    {
        var items = new List<string>();
        IEnumerable<YamlNode> children = node switch
        {
            YamlSequenceNode seq => seq.Children,
            YamlScalarNode { Value: { Length: > 0 } } => [node],
            _ => [],
        };
        if (node is YamlMappingNode) Error(node, $"'{what}' must be a list of path globs", fix);
        foreach (var child in children)
        {
            if (child is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) items.Add(value.Trim());
            else Error(child, $"each item of '{what}' must be a non-empty path glob", fix);
        }
        return items;
    }
}
