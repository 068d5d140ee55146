using Muster.Model;

namespace Muster.Agents;

/// <summary>What an agent of an earlier wave left for later waves.</summary>
public sealed record PriorOutput(
    string AgentId,
    string Kind,
    AgentRole Role,
    AgentState State,
    string Summary,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Artifact> Artifacts);
