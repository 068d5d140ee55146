namespace Muster.Agents.Preflight;

/// <summary>What to check: a workspace, optionally the plan about to run on it and where that run will write.</summary>
public sealed record PreflightRequest
{
    public required string Root { get; init; }
    public PlanOverview? Plan { get; init; }

    /// <summary>The journal folder (default ROOT/.muster).</summary>
    public string? StateDirectory { get; init; }
    public string? OutputDirectory { get; init; }

    public long MinimumFreeBytes { get; init; } = 100L * 1024 * 1024;
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock network timeouts run on (the system clock by default; the agent's own in a run).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment lookup (the process environment by default); values are only ever format-checked.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
