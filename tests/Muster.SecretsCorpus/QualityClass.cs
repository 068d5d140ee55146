namespace Muster.SecretsCorpus;

/// <summary>
/// One class of the secrets-quality issue: a recall gap (<c>R1</c>…<c>R11</c>, credential shapes that were missed)
/// or a precision gap (<c>P1</c>…<c>P8</c>, shapes that were reported but are not credentials).
/// </summary>
public sealed record QualityClass(string Id, string Title);
