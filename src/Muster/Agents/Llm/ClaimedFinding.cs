using Muster.Model;

namespace Muster.Agents.Llm;

/// <summary>A finding as the model claims it, before Muster checks it against the files.</summary>
internal sealed record ClaimedFinding(
    string RuleId,
    string Title,
    Severity Severity,
    string Category,
    string Message,
    string Path,
    int Line,
    string Quote,
    string? Remediation);
