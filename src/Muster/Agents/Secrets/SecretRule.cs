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

    /// <summary>
    /// The same pattern with a long timeout, built on first need. The short timeout is wall-clock time, and on a
    /// loaded machine a compiled regex's first match (its JIT) or a descheduled thread can exceed it on an innocent
    /// window: such a window is retried here once, so only a truly runaway match becomes a scan error.
    /// </summary>
    public Regex PatientRegex => _patient ??= new Regex(Regex.ToString(), Regex.Options & ~RegexOptions.Compiled, SecretRuleSet.PatientMatchTimeout);

    private Regex? _patient;
    public double MinEntropy { get; init; }
    public SecretValidator Validator { get; init; } = SecretValidator.None;

    /// <summary>Only look at keyword hits followed by an assignment (see <see cref="Secrets.AssignmentGate"/>).</summary>
    public bool AssignmentGate { get; init; }

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
        var group = match.Groups[SecretGroupNumber];
        return group.Success ? group : match;
    }

    /// <summary>Number of the secret group, looked up once: finding a group by name on every match costs more than the match.</summary>
    public required int SecretGroupNumber { get; init; }
}
