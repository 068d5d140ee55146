using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>A rule for one file type: its description and the check that finds violations in a parsed document.</summary>
internal sealed record ConfigRule<TDocument>(
    string Id,
    string FileType,
    string Title,
    Severity Severity,
    string Rationale,
    string Remediation,
    Func<TDocument, IEnumerable<RuleHit>> Check) : IConfigRule;
