using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>One detection rule: keywords gate it, its regex runs only in a window around each keyword hit.</summary>
internal sealed record SecretRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required Regex Regex { get; init; }
    public double MinEntropy { get; init; }
    public SecretValidator Validator { get; init; } = SecretValidator.None;

    /// <summary>The worst severity the rule reports, for a file that is tracked or not ignored.</summary>
    public Severity Severity { get; init; } = Severity.Critical;

    public required string Remediation { get; init; }
    public int WindowBefore { get; init; } = 32;
    public int WindowAfter { get; init; } = 256;
    public IReadOnlyList<string> MatchSamples { get; init; } = [];
    public IReadOnlyList<string> NoMatchSamples { get; init; } = [];

    /// <summary>The secret part of a match: the group named "secret", else group 1, else the whole match.</summary>
    public Group SecretGroup(Match match)
    {
        var named = match.Groups["secret"];
        if (named.Success) return named;
        return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1] : match;
    }
}
