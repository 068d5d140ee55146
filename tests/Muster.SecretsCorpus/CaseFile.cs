namespace Muster.SecretsCorpus;

/// <summary>
/// One file of a case: its path inside the case folder and its text, built from seeded random values.
/// Values the scanner must report are wrapped with <see cref="CaseValues.Secret"/>.
/// </summary>
public sealed record CaseFile(string Path, Func<CaseValues, string> Text);
