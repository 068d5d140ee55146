namespace Muster.Agents.Llm;

/// <summary>A tool call the agent refuses (a path outside the root, a missing file); the model gets the reason and may try again.</summary>
internal sealed class ToolRefusedException(string message) : Exception(message);
