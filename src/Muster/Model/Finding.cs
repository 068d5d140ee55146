namespace Muster.Model;

/// <summary>
/// One verified problem. <see cref="Evidence"/> is always redacted by the agent that produced it; the
/// <see cref="Fingerprint"/> is stable across runs for the same issue and never derived from a secret's plain value.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required string Category { get; init; }
    public required string Message { get; init; }
    public SourceLocation? Location { get; init; }
    public string? Evidence { get; init; }
    public string? Remediation { get; init; }
    public string AgentId { get; init; } = "";
    public string Fingerprint { get; init; } = "";

    /// <summary>Extra facts for reports and later waves (e.g. claimed vs verified counts). Never secret values.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    /// <summary>Returns this finding with a fingerprint computed from rule, path and the given discriminator when none was set.</summary>
    public Finding WithDefaultFingerprint(string? discriminator = null) =>
        Fingerprint.Length > 0
            ? this
            : this with { Fingerprint = Fingerprints.Compute(RuleId, Location?.Path ?? "", discriminator ?? Title) };
}
