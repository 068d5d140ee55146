using Muster.Engine;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using Muster.Reports;

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
    /// <summary>Findings the repository's committed files suppressed: listed in the reports, never counted by the verdict.</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Expired .musterignore entries and the like: shown as warnings, never failing the run.</summary>
    public IReadOnlyList<string> SuppressionNotes { get; init; } = [];

    /// <summary>The severity at or above which a finding fails the run unless told otherwise (CLI <c>--fail-on</c>).</summary>
    public const Severity DefaultFailOn = Severity.Critical;

    /// <summary>
    /// Whether the run passed its checks, and why not: interrupted, a gate in fail mode that failed or was not evaluated
    /// (a failed agent leaves the verification gate not evaluated), a failed wave criterion, findings at or above
    /// <paramref name="failOn"/> (null: none). Gates in warn mode are listed as warnings and never fail it.
    /// </summary>
    public RunVerdict Verdict(Severity? failOn)
    {
        var failures = new List<string>();
        if (Outcome.Status == RunStatus.Interrupted) failures.Add("the run was interrupted: not every check ran");
        foreach (var gate in Gates.Where(g => g.Blocks))
        {
            failures.Add(gate.Status == GateStatus.Failed
                ? $"gate {gate.Name}: {gate.Summary}"
                : $"gate {gate.Name} not evaluated: {gate.Summary} (--gate {gate.Id}=warn reports it without failing the run)");
        }
        foreach (var wave in Outcome.Waves)
        {
            failures.AddRange(wave.Criteria.Where(c => !c.Passed).Select(c => $"wave '{wave.Name}': {c.Criterion} failed ({c.Reason})"));
        }
        if (failOn is { } threshold && Outcome.Findings.Count(f => f.Severity >= threshold) is var count and > 0)
        {
            failures.Add($"--fail-on {threshold.ToLabel()}: {count} finding(s) at or above it");
        }
        var warnings = Gates.Where(g => g.Warns)
            .Select(g => $"gate {g.Name}" + (g.Status == GateStatus.Failed ? ": " : " not evaluated: ") + g.Summary).Concat(SuppressionNotes).ToList();
        return new RunVerdict(failures, warnings);
    }
}

/// <summary>A run's pass or fail, as the CLI's exit code and the MCP answer's <c>passed</c> both report it.</summary>
public sealed record RunVerdict(IReadOnlyList<string> Failures, IReadOnlyList<string> Warnings)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>0 when passed, else <paramref name="failureCode"/> (the CLI's <c>--exit-code</c>, 1 by default).</summary>
    public int ExitCode(int failureCode) => Passed ? 0 : failureCode;
}
