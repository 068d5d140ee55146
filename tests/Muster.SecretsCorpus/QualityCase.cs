using Muster.Model;

namespace Muster.SecretsCorpus;

/// <summary>
/// A labelled real-world shape. Every marked value is a positive: it must be reported on its line with a severity
/// between <see cref="PositiveMin"/> and <see cref="PositiveMax"/> (and the <see cref="Context"/> property when set).
/// Any other finding in the case's files above <see cref="NegativeMax"/> is a false positive.
/// </summary>
public sealed record QualityCase(string ClassId, string Name, IReadOnlyList<CaseFile> Files)
{
    public Severity PositiveMin { get; init; } = Severity.Medium;
    public Severity PositiveMax { get; init; } = Severity.Critical;

    /// <summary>LOW findings are notes ("a token shape whose checksum fails"), not claims: they are not counted.</summary>
    public Severity NegativeMax { get; init; } = Severity.Low;

    /// <summary>The <c>context</c> property a positive must carry (<c>test</c>, <c>docs</c>, <c>example</c>).</summary>
    public string? Context { get; init; }

    /// <summary>Whether file-level findings (a sensitive file, whatever its content) are scored too.</summary>
    public bool ScoresFileFindings { get; init; }
}
