namespace Muster.Agents.Llm;

/// <summary>A finding the model claimed that the files do not bear out; dropped, counted and listed.</summary>
internal sealed record RejectedClaim(string RuleId, string Path, int Line, string Reason);
