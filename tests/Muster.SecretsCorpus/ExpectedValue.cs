namespace Muster.SecretsCorpus;

/// <summary>A marked value as written: the case it belongs to, its file (root-relative) and 1-based line.</summary>
public sealed record ExpectedValue(int CaseIndex, string Path, int Line);
