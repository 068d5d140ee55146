namespace Muster.Reports.Rules;

/// <summary>A family of rules (by id prefix) and the documentation page of the agent that reports them.</summary>
internal sealed class RulePageEntry
{
    public string Prefix { get; set; } = "";
    public string Page { get; set; } = "";
    public string Agent { get; set; } = "";

    /// <summary>Why the family matters, for rules of it that have no text of their own.</summary>
    public string? Why { get; set; }
}
