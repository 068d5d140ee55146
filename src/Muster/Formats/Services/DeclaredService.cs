namespace Muster.Formats.Services;

/// <summary>A service declared in <c>muster.services.yaml</c> with the probes that show it is up.</summary>
public sealed record DeclaredService
{
    public required string Name { get; init; }
    public required int Line { get; init; }

    /// <summary>Other names status documents use for it ("API Gateway", "AWS Services").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public Uri? HttpUrl { get; init; }
    public int HttpExpect { get; init; } = 200;
    public string? TcpHost { get; init; }
    public int TcpPort { get; init; }
    public string? Process { get; init; }
    public TimeSpan? Timeout { get; init; }

    /// <summary>When set, the compose service this entry adds probes to.</summary>
    public string? ComposeService { get; init; }

    public bool Matches(string subject) =>
        Aliases.Append(Name).Any(n => subject.Contains(n, StringComparison.OrdinalIgnoreCase));
}
