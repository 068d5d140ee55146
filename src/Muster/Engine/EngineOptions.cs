namespace Muster.Engine;

/// <summary>How the engine schedules and supervises agents.</summary>
public sealed record EngineOptions
{
    /// <summary>Agents are mostly I/O-bound (files, sockets, models): several per core by default.</summary>
    public static int DefaultMaxParallel => Math.Max(8, Environment.ProcessorCount * 4);

    public int MaxParallel { get; init; } = DefaultMaxParallel;

    /// <summary>How long a cancelled agent gets to stop after its hard timeout before it is abandoned.</summary>
    public TimeSpan CancellationGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an overdue agent is re-checked (and the re-check recorded). Null: its soft timeout, at most 30 s.</summary>
    public TimeSpan? OverdueRecheckInterval { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The host in-process agents are recorded as running on (reports, journal); tests pin it for stable output.</summary>
    public string HostName { get; init; } = Environment.MachineName;
}
