namespace Muster.SecretsCorpus;

/// <summary>What went wrong in one case, for the bench's detail listing (no values: file, line, rule, severity).</summary>
public sealed record CaseOutcome(int CaseIndex, QualityCase Case, string Kind, string Where, string Detail);
