using System.Text.RegularExpressions;

namespace Muster.Formats.Compose;

/// <summary>Parses compose port entries: short syntax <c>[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]</c> and the long mapping form.</summary>
internal static partial class ComposePortParser
{
    // YAML 1.1 reads an unquoted a:b (each part below 60 after the first) as a base-60 integer: 22:22 becomes 1342.
    [GeneratedRegex(@"^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$")]
    private static partial Regex Sexagesimal();

    [GeneratedRegex(@"^\d+(-\d+)?$")]
    private static partial Regex PortOrRange();

    public static bool IsYaml11Sexagesimal(ComposeScalar scalar) => scalar.Plain && scalar.Value is { } v && Sexagesimal().IsMatch(v);

    public static ComposePort Parse(ComposeNode node)
    {
        return node switch
        {
            ComposeScalar { Value: { } text } scalar => ParseShort(text.Trim(), scalar.Position),
            ComposeMapping mapping => ParseLong(mapping),
            _ => throw new ComposeFormatException("port-invalid", "a port entry must be \"[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]\" or a mapping with 'target'",
                "write the port as a quoted string such as \"8080:80\"", node.Position),
        };
    }

    private static ComposePort ParseShort(string text, ComposePosition position)
    {
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..].ToLowerInvariant();
            text = text[..slash];
            if (protocol is not ("tcp" or "udp" or "sctp")) throw Invalid($"unknown protocol '{protocol}'", position);
        }
        string? hostIp = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':') throw Invalid("an IPv6 host address must be written [addr]:port", position);
            hostIp = text[1..close];
            text = text[(close + 2)..];
        }
        var parts = text.Split(':');
        string? published = null;
        string target;
        switch (parts.Length)
        {
            case 1:
                target = parts[0];
                break;
            case 2:
                published = parts[0];
                target = parts[1];
                break;
            case 3 when hostIp is null:
                hostIp = parts[0];
                published = parts[1].Length == 0 ? null : parts[1];
                target = parts[2];
                break;
            default:
                throw Invalid($"'{text}' has too many ':' parts", position);
        }
        if (!PortOrRange().IsMatch(target)) throw Invalid($"container port '{target}' is not a port number or range", position);
        if (published is not null && !PortOrRange().IsMatch(published)) throw Invalid($"published port '{published}' is not a port number or range", position);
        CheckRange(target, position);
        if (published is not null) CheckRange(published, position);
        return new ComposePort(hostIp, published, target, protocol, null, position);
    }

    private static ComposePort ParseLong(ComposeMapping mapping)
    {
        string? Text(string key) => (mapping[key] as ComposeScalar)?.Value;
        var target = Text("target") ?? throw new ComposeFormatException("port-invalid", "a long-syntax port needs 'target'",
            "add 'target: <container port>'", mapping.Position);
        if (!PortOrRange().IsMatch(target)) throw Invalid($"target '{target}' is not a port number", mapping.Position);
        var published = Text("published");
        if (published is not null && !PortOrRange().IsMatch(published)) throw Invalid($"published '{published}' is not a port number or range", mapping.Position);
        return new ComposePort(Text("host_ip"), published, target, (Text("protocol") ?? "tcp").ToLowerInvariant(), Text("mode"), mapping.Position);
    }

    private static void CheckRange(string value, ComposePosition position)
    {
        foreach (var part in value.Split('-'))
        {
            if (!int.TryParse(part, out var port) || port < 0 || port > 65535) throw Invalid($"port {part} is outside 0-65535", position);
        }
    }

    private static ComposeFormatException Invalid(string why, ComposePosition position) =>
        new("port-invalid", $"invalid port: {why}", "write the port as a quoted string such as \"127.0.0.1:8080:80/tcp\"", position);
}
