namespace Muster.Agents.Llm;

/// <summary>The model never produced a valid answer; the message keeps its last raw reply (scrubbed, bounded) for the journal.</summary>
internal sealed class LlmOutputException(string message) : Exception(message);
