using YamlDotNet.RepresentationModel;

namespace Muster.Agents.ConfigAudit;

/// <summary>A <c>ports:</c> entry in short (<c>[ip:][host:]container[/proto]</c>) or long syntax.</summary>
internal sealed record ComposePort(string? HostIp, string? HostPort, string ContainerPort, YamlNode At)
{
    /// <summary>Reachable from other machines: no host IP, or a wildcard one. Unresolved <c>${VAR}</c> IPs are not judged.</summary>
    public bool OnAllInterfaces => HostIp is null or "" or "0.0.0.0" or "::" or "[::]";

    public bool IsLoopback => HostIp is not null && (HostIp.StartsWith("127.", StringComparison.Ordinal) || HostIp is "::1" or "[::1]" or "localhost");

    /// <summary>The container port numbers covered (ranges expanded up to a sane width).</summary>
    public IEnumerable<int> ContainerPorts()
    {
        var spec = ContainerPort;
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return int.TryParse(spec, out var p) ? [p] : [];
        if (!int.TryParse(spec[..dash], out var from) || !int.TryParse(spec[(dash + 1)..], out var to) || to < from || to - from > 1000) return [];
        return Enumerable.Range(from, to - from + 1);
    }

    public static IEnumerable<ComposePort> Read(YamlNode? ports)
    {
        if (ports is not YamlSequenceNode seq) yield break;
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode map)
            {
                var target = map.Get("target").Text();
                if (target is not null) yield return new ComposePort(map.Get("host_ip").Text(), map.Get("published").Text(), target, item);
            }
            else if (item is YamlScalarNode { Value: { } text } && ParseShort(text, item) is { } port)
            {
                yield return port;
            }
        }
    }

    internal static ComposePort? ParseShort(string text, YamlNode at)
    {
        var spec = text.Trim();
        var slash = spec.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) spec = spec[..slash];
        string? ip = null;
        if (spec.StartsWith('['))
        {
            var close = spec.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return null;
            ip = spec[..(close + 1)];
            spec = spec[(close + 1)..].TrimStart(':');
        }
        var parts = spec.Split(':');
        return parts.Length switch
        {
            1 => new ComposePort(ip, null, parts[0], at),
            2 => new ComposePort(ip, parts[0], parts[1], at),
            3 when ip is null => new ComposePort(parts[0], parts[1], parts[2], at),
            _ => null,
        };
    }
}
