using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>What every config-audit rule declares: the facts the report and <c>docs/config-audit.md</c> show.</summary>
internal interface IConfigRule
{
    string Id { get; }
    string FileType { get; }
    string Title { get; }
    Severity Severity { get; }
    string Rationale { get; }
    string Remediation { get; }
}
