namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>
/// One rule's positive and negative workspace. <see cref="Line"/> (0: not checked) is where the positive finding
/// must point, in <see cref="Path"/>. Setups run after the files are written (git, permissions).
/// </summary>
internal sealed record RuleCase(
    string RuleId,
    string Path,
    int Line,
    Dictionary<string, string> Positive,
    Dictionary<string, string> Negative)
{
    public Action<ConfigAuditHarness>? PositiveSetup { get; init; }
    public Action<ConfigAuditHarness>? NegativeSetup { get; init; }
}
