using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents;

/// <summary>
/// The one finding every agent gives for a reference that leaves the audited root: reported as written, never read.
/// </summary>
internal static class OutsideReferenceFindings
{
    public const string RuleId = "MUSTER-REFERENCE-OUTSIDE";
    public const string Title = "Reference to a file outside the workspace";

    public const string Remediation =
        "Keep referenced files inside the audited folder (or audit the folder that holds both), or name the path in the plan if it must be read.";

    /// <param name="what">What refers, as a sentence start: "requirements include", "compose include".</param>
    public static Finding Create(string category, string what, WorkspaceReference reference, SourceLocation at) =>
        new Finding
        {
            RuleId = RuleId,
            Title = Title,
            Severity = Severity.Low,
            Category = category,
            Message = $"{what} a file outside the workspace: {reference.Written} ({reference.Refusal}). It was not read, so what it declares is not verified.",
            Location = at,
            Remediation = Remediation,
            Properties = new Dictionary<string, string> { ["reference"] = reference.Written },
        }.WithDefaultFingerprint(what + "\n" + reference.Written);
}
