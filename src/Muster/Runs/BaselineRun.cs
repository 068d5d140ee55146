using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Reports;
using Muster.Runs.Config;

namespace Muster.Runs;

/// <summary>
/// <c>muster baseline</c>: a secrets scan, journaled as a baseline run (never compared with audits), whose findings
/// replace the baseline file only once the scan succeeded; the old file stays whole until then.
/// </summary>
/// <param name="scrubber">The built-in rules' scrubber: the run adds the rule files it names (<see cref="RunScrubber"/>).</param>
public sealed class BaselineRun(AgentRegistry registry, ISecretScrubber scrubber, TimeProvider time, ILoggerFactory? loggers = null)
{
    public const string PlanSource = "built-in:baseline";

    // The scan must not be filtered by the baseline it replaces (the new one holds every current finding), and its
    // secret findings carry the keys the committed file stores: only the agent holds the values.
    private const string PlanText = "name: baseline\nwaves:\n  - name: secrets\n    agents: [{id: secrets, kind: secrets, with: {baseline: none, baseline-keys: true}}]\n";

    /// <param name="stateDirectory">The journal's folder; null: ROOT/.muster.</param>
    /// <param name="config">muster.yaml: its <c>agents: {secrets: ...}</c> settings (a <c>rules:</c> file, excludes) apply as in an audit.</param>
    /// <param name="parameters">Run parameters (<c>--set rules=FILE</c>).</param>
    public async Task<BaselineRunResult> CreateAsync(string root, string target, CancellationToken cancellationToken, string? stateDirectory = null,
        RepoConfig? config = null, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var plan = new PlanParser(registry).Parse(PlanText, PlanSource);
        if (config is not null) plan = KeepBaselineSettings(RepoPlan.Apply(plan, config, root, registry));
        parameters ??= new Dictionary<string, string>();
        var runScrubber = RunScrubber.For(plan, root, parameters, scrubber);
        stateDirectory ??= RunHost.DefaultStateDirectory(root);
        var runId = RunHost.NewRunId(time);
        var after = new AfterRun(registry, stateDirectory, runId, outputDirectory: null, ReportWriter.AllFormats, runScrubber, time);
        var host = new RunHost(registry, new EngineOptions { Time = time }, runScrubber, loggers);
        var outcome = await host.StartAsync(plan, root, stateDirectory, parameters, after.Observers, cancellationToken, runId, RunPurpose.Baseline);
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

    // muster.yaml may name a baseline for audits to read: the scan that replaces it reads none.
    private static Plan KeepBaselineSettings(Plan plan) => plan with
    {
        Waves = [.. plan.Waves.Select(w => w with
        {
            Agents = [.. w.Agents.Select(a => a with
            {
                Settings = new AgentSettings(new Dictionary<string, object?>(a.Settings.Values, StringComparer.Ordinal) { ["baseline"] = "none", ["baseline-keys"] = "true" }),
            })],
        })],
    };
}

/// <summary>The baseline written (null when the scan did not succeed, with <see cref="Error"/> saying why).</summary>
public sealed record BaselineRunResult(AfterRunResult Report, SecretsBaseline? Baseline, string? Error);
