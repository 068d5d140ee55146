using Muster.Formats.Limits;

namespace Muster.Agents.Dependencies.OsvUpdate;

/// <summary>What <see cref="OsvUpdater"/> downloads, where to, and the bounds on each download.</summary>
public sealed record OsvUpdateOptions
{
    /// <summary>The database folder: one <c>ECOSYSTEM/all.zip</c> per ecosystem and the download record.</summary>
    public required string Directory { get; init; }

    public required Uri BaseUrl { get; init; }
    public required IReadOnlyList<string> Ecosystems { get; init; }
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the response headers, and for each block of the body after that.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest one ecosystem's download may take in all.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest export accepted; the database reader refuses larger archives anyway.</summary>
    public long MaxBytes { get; init; } = InputLimits.OsvMaxArchiveBytes;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
