namespace Muster.Engine;

/// <summary>One exit criterion of a wave, evaluated: its plan text, whether it held, and why.</summary>
public sealed record CriterionResult(string Criterion, bool Passed, string Reason);
