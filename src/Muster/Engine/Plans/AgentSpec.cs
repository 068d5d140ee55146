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

    /// <summary>
    /// Labels a cluster worker must carry to run it (<c>on: {host: vps1}</c>, the agent's or else its wave's); empty: any
    /// worker that has the kind. Only a cluster run (<c>--cluster</c>) can honour them.
    /// </summary>
    public IReadOnlyDictionary<string, string> On { get; init; } = NoLabels;

    /// <summary>The worker's named root the agent audits (<c>root: NAME</c>, a worker's <c>--root NAME=PATH</c>); null: the run's root.</summary>
    public string? RootName { get; init; }

    /// <summary>Whether the plan places this agent on cluster workers.</summary>
    public bool IsPlaced => On.Count > 0 || RootName is not null;

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();
}
