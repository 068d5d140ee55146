namespace Muster.Agents;

/// <summary>One agent of the run's plan as other agents may see it: for agents that check the run itself (preflight).</summary>
public sealed record PlannedAgent(string Id, string Kind, AgentSettings Settings);
