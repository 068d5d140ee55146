namespace Muster.Agents.InfraState.Probes;

/// <summary>The outcome of one HTTP, TCP or process probe.</summary>
public sealed record ProbeResult
{
    public required string Service { get; init; }

    /// <summary>http, tcp or process.</summary>
    public required string Kind { get; init; }

    /// <summary>What was probed (URL, host:port, process name).</summary>
    public required string Target { get; init; }

    public required bool Passed { get; init; }

    /// <summary>What was seen ("HTTP 200 in 12 ms", "connection refused", "2 processes").</summary>
    public required string Detail { get; init; }

    public TimeSpan Elapsed { get; init; }
    public int? StatusCode { get; init; }
    public DateTimeOffset? CertificateNotAfter { get; init; }
}
