namespace Muster.SecretsCorpus;

/// <summary>True/false positives and misses of one class (or of the whole corpus).</summary>
public sealed record ClassScore(string ClassId, string Title, int Cases, int Positives, int TruePositives, int FalsePositives, int Misses)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
    public double? Recall => Positives == 0 ? null : (double)TruePositives / Positives;

    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;
}
