using Muster.Engine;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;

namespace Muster.Runs;

/// <summary>The verdict of a run as every front end reports it: gaps, gates, files written and what failed.</summary>
public sealed record AfterRunResult(
    RunOutcome Outcome,
    RunPurpose Purpose,
    string OutputDirectory,
    IReadOnlyList<string> Written,
    GapRegister Gaps,
    IReadOnlyList<GateResult> Gates,
    string? ComparedWithRunId)
{
    /// <summary>The severity at or above which a finding fails the run unless told otherwise (CLI <c>--fail-on</c>).</summary>
    public const Severity DefaultFailOn = Severity.Critical;

    /// <summary>Why the run fails: failed gates, failed wave criteria, findings at or above <paramref name="failOn"/>.</summary>
    public IReadOnlyList<string> Failures(Severity? failOn)
    {
        var failures = new List<string>();
        failures.AddRange(Gates.Where(g => g.Status == GateStatus.Failed).Select(g => $"gate {g.Name}: {g.Summary}"));
        foreach (var wave in Outcome.Waves)
        {
            failures.AddRange(wave.Criteria.Where(c => !c.Passed).Select(c => $"wave '{wave.Name}': {c.Criterion} failed ({c.Reason})"));
        }
        if (failOn is { } threshold && Outcome.Findings.Count(f => f.Severity >= threshold) is var count and > 0)
        {
            failures.Add($"--fail-on {threshold.ToLabel()}: {count} finding(s) at or above it");
        }
        return failures;
    }
}
