namespace Muster.Agents.Preflight;

/// <summary>One preflight item: what was checked, the outcome and why. Never holds a secret value.</summary>
public sealed record PreflightCheck(string Area, string Item, PreflightOutcome Outcome, string Detail)
{
    /// <summary>Root-relative file and line the item comes from, when it comes from a file.</summary>
    public string? SourcePath { get; init; }
    public int? SourceLine { get; init; }

    public override string ToString() =>
        $"{Outcome.ToString().ToUpperInvariant(),-4}  {Area}: {Item} — {Detail}";
}
