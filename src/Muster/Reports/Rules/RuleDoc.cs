namespace Muster.Reports.Rules;

/// <summary>One rule's section of docs/rules.md.</summary>
internal sealed record RuleDoc(string Id, string Title, string? Severity, string? Why, string? Fix, bool Security);
