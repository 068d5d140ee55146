namespace Muster.Agents;

/// <summary>Thrown by an agent that decides not to run (its budget is spent, nothing applies); the agent ends <c>skipped</c>.</summary>
public sealed class AgentSkippedException(string reason) : Exception(reason);
