using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>One detection rule: keywords gate it, its regex runs only in a window around each keyword hit.</summary>
internal sealed record SecretRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>The rule's pattern, interpreted: what a rule that fires on few windows runs (see <see cref="RegexForWindow"/>).</summary>
    public required Regex Regex { get; init; }

    /// <summary>Windows a rule's interpreted regex runs on before it is compiled.</summary>
    public const int CompileAfterWindows = 256;

    /// <summary>
    /// The regex for the next window: interpreted for the first <see cref="CompileAfterWindows"/>, compiled after.
    /// Compiling costs IL generation and a JIT per rule; most rules fire on a handful of windows in a tree, and
    /// paying that for all of them was a tenth of a real-source scan's CPU. A race may compile twice; both are equal.
    /// </summary>
    public Regex RegexForWindow()
    {
        if (_compiled is { } compiled) return compiled;
        if (Interlocked.Increment(ref _windows) <= CompileAfterWindows) return Regex;
        return _compiled = new Regex(Regex.ToString(), Regex.Options | RegexOptions.Compiled, Regex.MatchTimeout);
    }

    private Regex? _compiled;
    private int _windows;

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
