using System.Text;
using Muster.Model;

namespace Muster.Engine;

/// <summary>
/// The seed's context continuation protocol, automated: after every wave and on interrupt, CONTINUATION.md holds the
/// summary so far, the work remaining, every agent's status and the files created.
/// </summary>
public sealed class ContinuationWriter(string outputDirectory, Func<IReadOnlyList<string>> filesCreated) : IRunObserver
{
    public const string FileName = "CONTINUATION.md";

    public ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar) => WriteAsync(runSoFar);

    public ValueTask RunFinishedAsync(RunOutcome run) => WriteAsync(run);

    public async ValueTask WriteAsync(RunOutcome run)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, Render(run, filesCreated()));
        File.Move(temp, path, overwrite: true);
    }

    internal static string Render(RunOutcome run, IReadOnlyList<string> files)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Continuation: run {run.RunId}").AppendLine();
        md.AppendLine($"Plan **{run.PlanName}** over `{run.Root}` — status **{run.Status.ToString().ToLowerInvariant()}**.");
        if (run.StopReason is not null) md.AppendLine().AppendLine($"Stopped: {run.StopReason}");
        md.AppendLine().AppendLine("## Summary so far").AppendLine();
        var done = run.Agents.Count(a => a.State.IsTerminal());
        var findings = run.Findings;
        md.AppendLine($"- Agents finished: {done} of {run.Agents.Count}");
        md.AppendLine("- Findings: " + string.Join(", ", SeverityText.WorstFirst.Select(s => $"{findings.Count(f => f.Severity == s)} {s.ToLabel()}")));
        foreach (var wave in run.Waves)
        {
            var failed = wave.Criteria.Where(c => !c.Passed).Select(c => $"`{c.Criterion}` failed: {c.Reason}").ToList();
            md.AppendLine($"- {wave.Name}: {wave.Status.ToString().ToLowerInvariant()}" + (failed.Count > 0 ? " — " + string.Join("; ", failed) : ""));
        }

        md.AppendLine().AppendLine("## Remaining work").AppendLine();
        var remaining = run.Agents.Where(a => a.State != AgentState.Succeeded).ToList();
        if (remaining.Count == 0) md.AppendLine("Nothing: every agent succeeded.");
        foreach (var agent in remaining)
        {
            md.AppendLine($"- `{agent.AgentId}` ({agent.Kind}, wave {agent.WaveIndex + 1}): {agent.State.ToLabel()}" + (agent.Error is null ? "" : $" — {agent.Error}"));
        }
        if (remaining.Count > 0 && run.Status != RunStatus.Completed)
        {
            md.AppendLine().AppendLine($"Resume with `muster resume {run.RunId}`: succeeded agents are not run again.");
        }

        md.AppendLine().AppendLine("## Agent status").AppendLine();
        md.AppendLine("| Agent | Kind | Wave | State | Attempts | Duration | Findings |").AppendLine("|---|---|---:|---|---:|---:|---:|");
        foreach (var a in run.Agents)
        {
            var state = a.State.ToLabel() + (a.WentOverdue ? " (went overdue)" : "") + (a.Reused ? " (from journal)" : "");
            md.AppendLine($"| {a.AgentId} | {a.Kind} | {a.WaveIndex + 1} | {state} | {a.Attempts} | {a.Duration.TotalSeconds:0.0}s | {a.Result.Findings.Count} |");
        }

        md.AppendLine().AppendLine("## Files created").AppendLine();
        if (files.Count == 0) md.AppendLine("None yet.");
        foreach (var file in files) md.AppendLine($"- {file}");
        return md.ToString();
    }
}
