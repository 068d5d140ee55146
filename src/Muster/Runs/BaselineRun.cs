using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Reports;

namespace Muster.Runs;

/// <summary>
/// <c>muster baseline</c>: a secrets scan, journaled as a baseline run (never compared with audits), whose findings
/// replace the baseline file only once the scan succeeded; the old file stays whole until then.
/// </summary>
public sealed class BaselineRun(AgentRegistry registry, ISecretScrubber scrubber, TimeProvider time, ILoggerFactory? loggers = null)
{
    public const string PlanSource = "built-in:baseline";

    // The scan must not be filtered by the baseline it replaces (the new one holds every current finding), and its
    // secret findings carry the keys the committed file stores: only the agent holds the values.
    private const string PlanText = "name: baseline\nwaves:\n  - name: secrets\n    agents: [{id: secrets, kind: secrets, with: {baseline: none, baseline-keys: true}}]\n";

    /// <param name="stateDirectory">The journal's folder; null: ROOT/.muster.</param>
    public async Task<BaselineRunResult> CreateAsync(string root, string target, CancellationToken cancellationToken, string? stateDirectory = null)
    {
        var plan = new PlanParser(registry).Parse(PlanText, PlanSource);
        stateDirectory ??= RunHost.DefaultStateDirectory(root);
        var runId = RunHost.NewRunId(time);
        var after = new AfterRun(registry, stateDirectory, runId, outputDirectory: null, ReportWriter.AllFormats);
        var host = new RunHost(registry, new EngineOptions { Time = time }, scrubber, loggers);
        var outcome = await host.StartAsync(plan, root, stateDirectory, new Dictionary<string, string>(), after.Observers, cancellationToken, runId, RunPurpose.Baseline);
        var report = await after.CompleteAsync(outcome, plan);
        var secrets = outcome.Agents.Single();
        if (secrets.State != AgentState.Succeeded)
        {
            return new BaselineRunResult(report, null, $"the secrets scan {secrets.State.ToLabel()}" + (secrets.Error is { } e ? $": {e}" : ""));
        }
        var baseline = SecretsBaseline.Create(secrets.Result.Findings);
        baseline.Save(target);
        return new BaselineRunResult(report, baseline, null);
    }
}

/// <summary>The baseline written (null when the scan did not succeed, with <see cref="Error"/> saying why).</summary>
public sealed record BaselineRunResult(AfterRunResult Report, SecretsBaseline? Baseline, string? Error);
