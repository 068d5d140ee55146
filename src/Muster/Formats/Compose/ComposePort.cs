namespace Muster.Formats.Compose;

/// <summary>
/// One published or exposed port. <see cref="Published"/> and <see cref="Target"/> are kept as written (a single port
/// or a range such as <c>8000-8010</c>); <see cref="Published"/> is null when the engine picks the host port.
/// </summary>
public sealed record ComposePort(string? HostIp, string? Published, string Target, string Protocol, string? Mode, ComposePosition Position)
{
    /// <summary>The identity compose uses when merging port lists across files.</summary>
    public string MergeKey => $"{HostIp}|{Published}|{Target}|{Protocol}";

    /// <summary>True when the port is published on every host interface (no host IP, or 0.0.0.0 / ::).</summary>
    public bool PublishedOnAllInterfaces => Published is not null && HostIp is null or "" or "0.0.0.0" or "::" or "[::]";

    public override string ToString() =>
        $"{(HostIp is { Length: > 0 } ip ? ip + ":" : "")}{(Published is null ? "" : Published + ":")}{Target}/{Protocol}";
}
