namespace Muster.Formats.Compose;

/// <summary>
/// One published or exposed port. <see cref="Published"/> and <see cref="Target"/> are kept as written (a single port
/// or a range such as <c>8000-8010</c>); <see cref="Published"/> is null when the engine picks the host port.
/// </summary>
public sealed record ComposePort(string? HostIp, string? Published, string Target, string Protocol, string? Mode, ComposePosition Position)
{
    /// <summary>The identity compose uses when merging port lists across files.</summary>
    public string MergeKey => $"{HostIp}|{Published}|{Target}|{Protocol}";

    /// <summary>
    /// True when no host IP, or a wildcard one, is given: the port is published on every host interface, on
    /// <see cref="Published"/> or, when that is null, on a port the engine picks. An IP still written as <c>${VAR}</c>
    /// is not judged.
    /// </summary>
    public bool OnAllInterfaces => HostIp is null or "" or "0.0.0.0" or "::" or "[::]";

    /// <summary>"host port 8080", or "a random host port" when the engine picks it (<c>"80"</c>, <c>"127.0.0.1::80"</c>).</summary>
    public string HostPortDescription => Published is null ? "a random host port" : $"host port {Published}";

    /// <summary>The container port numbers <see cref="Target"/> covers; a range is expanded when it spans at most 1,000 ports.</summary>
    public IEnumerable<int> TargetPorts()
    {
        var dash = Target.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return int.TryParse(Target, out var port) ? [port] : [];
        if (!int.TryParse(Target[..dash], out var from) || !int.TryParse(Target[(dash + 1)..], out var to) || to < from || to - from > 1000) return [];
        return Enumerable.Range(from, to - from + 1);
    }

    /// <summary>The short syntax compose reads back: <c>[HOST_IP:][PUBLISHED:]TARGET/PROTOCOL</c>, <c>IP::TARGET</c> when only the IP is given.</summary>
    public override string ToString()
    {
        var ip = HostIp is { Length: > 0 } given ? (given.Contains(':', StringComparison.Ordinal) && !given.StartsWith('[') ? $"[{given}]" : given) + ":" : "";
        return $"{ip}{(Published is not null ? Published + ":" : ip.Length > 0 ? ":" : "")}{Target}/{Protocol}";
    }
}
