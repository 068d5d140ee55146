namespace Muster.Agents.ConfigAudit;

/// <summary>
/// One violation found by a rule check: where (root-relative path, 1-based line and column), what, and redacted
/// evidence. <see cref="Discriminator"/> separates several hits of one rule in one file for fingerprints.
/// </summary>
internal sealed record RuleHit(string Path, int Line, int Column, string Message, string? Evidence = null, string? Discriminator = null);
