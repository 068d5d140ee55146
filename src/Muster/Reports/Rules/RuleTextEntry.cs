namespace Muster.Reports.Rules;

/// <summary>Rule-level text for one rule id; every field but the id is optional.</summary>
internal sealed class RuleTextEntry
{
    public string Id { get; set; } = "";
    public string? Title { get; set; }
    public string? Why { get; set; }
    public string? Fix { get; set; }

    /// <summary>Overrides the category's default: whether code scanning shows the rule as a security alert.</summary>
    public bool? Security { get; set; }
}
