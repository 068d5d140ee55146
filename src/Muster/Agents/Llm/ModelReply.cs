namespace Muster.Agents.Llm;

/// <summary>The model's final answer, validated against the output contract.</summary>
internal sealed record ModelReply(string Summary, IReadOnlyList<ClaimedFinding> Findings);
