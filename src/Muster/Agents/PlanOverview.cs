namespace Muster.Agents;

/// <summary>The run's plan as agents may see it, in <see cref="RunServices"/>: its name and every agent in plan order.</summary>
public sealed record PlanOverview(string Name, IReadOnlyList<PlannedAgent> Agents);
