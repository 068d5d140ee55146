namespace Muster.Agents.Secrets;

/// <summary>A rule match located in a file: absolute character offset, 1-based line and column.</summary>
internal sealed record SecretDetection(
    SecretRule Rule, string Secret, long Offset, long Line, int Column, bool IsPlaceholder, bool AllowedInline)
{
    public TokenCheck Check { get; init; }
    public string? Encrypted { get; init; }
    public SeverityCap? Softened { get; init; }
}
