using Muster.Model;
using Muster.Workspace.Git;

namespace Muster.Agents.Secrets;

/// <summary>
/// Turns what the git runner noticed about the repository into findings: a repository owned by another user (read
/// without its configuration), metadata outside the workspace, or a pointer outside it that was not followed (so git
/// status is unverified and the .gitignore files decided instead).
/// </summary>
internal static class GitNoteFindings
{
    public const string ForeignOwnerRuleId = "secrets/git-foreign-owner";
    public const string OutsideReferenceRuleId = "secrets/git-outside-reference";

    public static IEnumerable<Finding> From(IReadOnlyList<GitNote> notes, string agentId)
    {
        foreach (var note in notes)
        {
            var finding = note.Code switch
            {
                "foreign-owner" => new Finding
                {
                    RuleId = ForeignOwnerRuleId,
                    Title = "Repository owned by another user",
                    Severity = Severity.Info,
                    Category = SecretsAgent.Category,
                    Message = $"Git status was read read-only: {note.Message}.",
                    Remediation = "Nothing to fix if auditing someone else's checkout is intended; plain git refuses this repository (\"dubious ownership\").",
                    Location = new SourceLocation(".git"),
                    AgentId = agentId,
                },
                "outside-reference" => new Finding
                {
                    RuleId = OutsideReferenceRuleId,
                    Title = "Git metadata points outside the workspace",
                    Severity = Severity.Low,
                    Category = SecretsAgent.Category,
                    Message = $"Not followed: {note.Message}; tracking status is unverified and .gitignore files decided instead.",
                    Remediation = "Audit the repository that owns this metadata, or name the outside folder in the plan's root.",
                    Location = new SourceLocation(".git"),
                    AgentId = agentId,
                },
                _ => null,
            };
            if (finding is not null) yield return finding.WithDefaultFingerprint(note.Code);
        }
    }
}
