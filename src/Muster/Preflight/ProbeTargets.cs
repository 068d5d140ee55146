using Muster.Workspace;
using YamlDotNet.RepresentationModel;

namespace Muster.Preflight;

/// <summary>
/// Probe targets declared in <c>muster.services.yaml</c>: every <c>url:</c>/<c>probe:</c> value with a host and port
/// (http://host:port/..., tcp://host:port) and every mapping with <c>host:</c> and <c>port:</c>, anywhere in the file.
/// </summary>
internal static class ProbeTargets
{
    public const string FileName = "muster.services.yaml";

    public static IEnumerable<(string Path, int Line, string Host, int Port)> Find(string root, CancellationToken cancellationToken)
    {
        var walker = new WorkspaceWalker(root, new WalkOptions { Include = ["**/" + FileName] });
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            if (!file.RelativePath.EndsWith(FileName, StringComparison.Ordinal)) continue;
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(File.ReadAllText(file.FullPath)));
            }
            catch (YamlDotNet.Core.YamlException)
            {
                continue;
            }
            foreach (var document in stream.Documents)
            {
                foreach (var target in Walk(document.RootNode)) yield return (file.RelativePath, target.Line, target.Host, target.Port);
            }
        }
    }

    private static IEnumerable<(int Line, string Host, int Port)> Walk(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var host = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "host" }).Value as YamlScalarNode;
                var port = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "port" }).Value as YamlScalarNode;
                if (host?.Value is { Length: > 0 } h && int.TryParse(port?.Value, out var p)) yield return ((int)map.Start.Line, h, p);
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: "url" or "probe" or "endpoint" } && value is YamlScalarNode { Value: { } url } &&
                        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Port > 0)
                    {
                        yield return ((int)value.Start.Line, uri.Host, uri.Port);
                    }
                    foreach (var inner in Walk(value)) yield return inner;
                }
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    foreach (var inner in Walk(item)) yield return inner;
                }
                break;
        }
    }
}
