using Muster.Agents;
using Muster.Model;

namespace Muster.Engine.Plans;

/// <summary>One agent as the plan declares it.</summary>
public sealed record AgentSpec
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required AgentRole Role { get; init; }
    public AgentSettings Settings { get; init; } = AgentSettings.Empty;

    /// <summary>After this the agent is <c>overdue</c>: still running, re-checked, not failed.</summary>
    public required TimeSpan SoftTimeout { get; init; }

    /// <summary>After this the agent is cancelled and ends <c>timed-out</c>.</summary>
    public required TimeSpan HardTimeout { get; init; }

    /// <summary>Extra attempts after a transient failure.</summary>
    public int Retries { get; init; }

    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);
}
