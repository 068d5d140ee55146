using Muster.Formats.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Muster.Agents.ConfigAudit;

/// <summary>A compose file read as a YAML node tree (positions kept, no interpolation), or the reason it could not be.</summary>
internal sealed class ComposeFileDocument
{
    private ComposeFileDocument(string path, string text, YamlMappingNode? root, IReadOnlyList<ComposeService> services, RuleHit? error)
    {
        Path = path;
        Text = text;
        Root = root;
        Services = services;
        Error = error;
    }

    public string Path { get; }
    public string Text { get; }
    public YamlMappingNode? Root { get; }
    public IReadOnlyList<ComposeService> Services { get; }
    public RuleHit? Error { get; }

    public static ComposeFileDocument Parse(string path, string text)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlException e)
        {
            return new ComposeFileDocument(path, text, null, [],
                new RuleHit(path, (int)e.Start.Line, (int)e.Start.Column, BoundedYaml.Describe(e)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (without a position) on some malformed flow collections.
            return new ComposeFileDocument(path, text, null, [], new RuleHit(path, 0, 0, $"not valid YAML: {e.Message}"));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new ComposeFileDocument(path, text, null, [], new RuleHit(path, 1, 1, "the top level is not a mapping"));
        }
        var services = new List<ComposeService>();
        if (root.Get("services") is YamlSequenceNode list)
        {
            return new ComposeFileDocument(path, text, null, [],
                new RuleHit(path, list.Line(), list.Column(), "services is a list, but compose requires a mapping of service names (`docker compose config` rejects this file)"));
        }
        if (root.Get("services") is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode { Value: { } name } key && v is YamlMappingNode node) services.Add(new ComposeService(path, name, key, node));
            }
        }
        return new ComposeFileDocument(path, text, root, services, null);
    }
}
