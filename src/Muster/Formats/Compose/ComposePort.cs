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
    public bool PublishedOnAllInterfaces => Published is not null && OnAllInterfaces;

    /// <summary>
    /// True when no host IP, or a wildcard one, is given (the engine picks the host port when <see cref="Published"/> is
    /// null). An IP still written as <c>${VAR}</c> is not judged.
    /// </summary>
    public bool OnAllInterfaces => HostIp is null or "" or "0.0.0.0" or "::" or "[::]";

    /// <summary>The container port numbers <see cref="Target"/> covers; a range is expanded when it spans at most 1,000 ports.</summary>
    public IEnumerable<int> TargetPorts()
    {
        var dash = Target.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return int.TryParse(Target, out var port) ? [port] : [];
        if (!int.TryParse(Target[..dash], out var from) || !int.TryParse(Target[(dash + 1)..], out var to) || to < from || to - from > 1000) return [];
        return Enumerable.Range(from, to - from + 1);
    }

    public override string ToString() =>
        $"{(HostIp is { Length: > 0 } ip ? ip + ":" : "")}{(Published is null ? "" : Published + ":")}{Target}/{Protocol}";
}
