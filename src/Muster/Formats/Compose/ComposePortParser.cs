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

    /// <summary>
    /// Reads a port entry as written, before interpolation (a <c>${VAR}</c> part stays text) and without validating the
    /// numbers; null when the entry has no port shape. For checks on the file itself; the loader uses <see cref="Parse"/>.
    /// </summary>
    public static ComposePort? ReadAsWritten(ComposeNode node) => node switch
    {
        ComposeScalar { Value: { } text } scalar => Split(text.Trim(), scalar.Position, strict: false, out _),
        ComposeMapping mapping when mapping.Get("target").Text() is { } target => new ComposePort(mapping.Get("host_ip").Text(),
            NoneIfEmpty(mapping.Get("published").Text() ?? ""), target, mapping.Get("protocol").Text() ?? "tcp", mapping.Get("mode").Text(), mapping.Position),
        _ => null,
    };

    private static ComposePort ParseShort(string text, ComposePosition position)
    {
        var port = Split(text, position, strict: true, out var why) ?? throw Invalid(why!, position);
        if (!PortOrRange().IsMatch(port.Target)) throw Invalid($"container port '{port.Target}' is not a port number or range", position);
        if (port.Published is { } published && !PortOrRange().IsMatch(published)) throw Invalid($"published port '{published}' is not a port number or range", position);
        CheckRange(port.Target, position);
        if (port.Published is not null) CheckRange(port.Published, position);
        return port;
    }

    /// <summary>
    /// Splits <c>[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]</c> into its parts; null (and why) when the shape is wrong.
    /// <paramref name="strict"/> also refuses an unknown protocol.
    /// </summary>
    private static ComposePort? Split(string text, ComposePosition position, bool strict, out string? why)
    {
        why = null;
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..].ToLowerInvariant();
            text = text[..slash];
            if (strict && protocol is not ("tcp" or "udp" or "sctp"))
            {
                why = $"unknown protocol '{protocol}'";
                return null;
            }
        }
        string? hostIp = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                why = "an IPv6 host address must be written [addr]:port";
                return null;
            }
            hostIp = text[1..close];
            text = text[(close + 2)..];
        }
        var parts = text.Split(':');
        switch (parts.Length)
        {
            case 1:
                return new ComposePort(hostIp, null, parts[0], protocol, null, position);
            // An empty published part ("IP::TARGET", "[::1]::TARGET", ":TARGET") is none: the engine picks the host port.
            case 2:
                return new ComposePort(hostIp, NoneIfEmpty(parts[0]), parts[1], protocol, null, position);
            case 3 when hostIp is null:
                return new ComposePort(parts[0], NoneIfEmpty(parts[1]), parts[2], protocol, null, position);
            default:
                why = $"'{text}' has too many ':' parts";
                return null;
        }
    }

    private static string? NoneIfEmpty(string part) => part.Length == 0 ? null : part;

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
