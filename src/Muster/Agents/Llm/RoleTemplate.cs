namespace Muster.Agents.Llm;

/// <summary>A built-in system prompt for one of the seed's roles; the plan's <c>instructions</c> give the task.</summary>
internal sealed record RoleTemplate(string Name, string SystemPrompt);
