using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Cli.Progress;
using Muster.Cli.Terminal;
using Muster.Cluster;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Engine.Telemetry;
using Muster.Gates;
using Muster.Model;
using Muster.Reports;
using Muster.Runs;
using Muster.Runs.Config;
using Spectre.Console;

namespace Muster.Cli;

/// <summary>What audit, run and resume share: signals, progress, the run itself, reports and the exit code.</summary>
internal sealed class RunSession(CliContext cli)
{
    public required string StateDirectory { get; init; }
    public required string? OutputDirectory { get; init; }
    public required IReadOnlyList<ReportFormat> Formats { get; init; }

    /// <summary>The one format also written to stdout (<c>--output -</c>); null: files only.</summary>
    public ReportFormat? Stdout { get; init; }
    public required Severity? FailOn { get; init; }
    public required GateModeOverrides GateModes { get; init; }

    /// <summary>The repository's suppressions, applied after the run (<see cref="AfterRun.Suppressor"/>).</summary>
    public required Suppressor Suppressor { get; init; }

    /// <summary>The exit code when the run fails its checks (<c>--exit-code</c>).</summary>
    public required int FailureExitCode { get; init; }
    public required int MaxParallel { get; init; }
    public required TerminalSettings Terminal { get; init; }

    /// <summary>Where the agents run: a cluster's workers; null: this process.</summary>
    public ClusterAddress? Cluster { get; init; }

    public async Task<int> StartAsync(Plan plan, string root, IReadOnlyDictionary<string, string> parameters, RunPurpose purpose)
    {
        _plan = _placed = plan;
        _scrubber = RunScrubber.For(plan, root, parameters, cli.Scrubber);
        return await ExecuteAsync(host => (observers, token) => host.StartAsync(plan, root, StateDirectory, parameters, observers, token, _runId, purpose), RunHost.NewRunId(cli.Time));
    }

    /// <param name="plan">The journaled plan, for its placements and rule files (null: unknown run, which the resume reports).</param>
    /// <param name="root">The journaled run's root, which the plan's rule files are relative to.</param>
    /// <param name="journaled">The journaled run's parameters: a rule file given to the interrupted run still counts.</param>
    public async Task<int> ResumeAsync(string runId, IReadOnlyDictionary<string, string> parameters, Plan? plan = null, string? root = null,
        IReadOnlyDictionary<string, string>? journaled = null)
    {
        _placed = plan;
        if (plan is not null && root is not null)
        {
            _scrubber = RunScrubber.For(plan, root, RunParameterRedaction.Known(journaled ?? new Dictionary<string, string>(), parameters), cli.Scrubber);
        }
        return await ExecuteAsync(host =>
        {
            var reaping = host.ReapLeftoverChildren(runId, StateDirectory);
            if (reaping.RunningMusterPid is { } pid)
            {
                cli.Error.WriteLine($"resume: killed none of the {reaping.Recorded} process group(s) that command agents of the run started: " +
                                    $"the Muster that ran it (pid {pid}) seems to run still");
            }
            else if (reaping.Recorded > 0)
            {
                cli.Error.WriteLine($"resume: killed {reaping.Reaped} process group(s) that command agents of the interrupted run left running " +
                                    $"({reaping.Recorded - reaping.Reaped} of the {reaping.Recorded} recorded had already ended)");
            }
            return (observers, token) => host.ResumeAsync(runId, StateDirectory, observers, token, parameters);
        }, runId);
    }

    private string _runId = "";
    private Plan? _plan;

    /// <summary>The run's second-line scrubber: the built-in rules plus the rule files the run names (<see cref="RunScrubber"/>).</summary>
    private ISecretScrubber? _scrubber;
    private ISecretScrubber Scrubber => _scrubber ?? cli.Scrubber;

    /// <summary>The plan whose placements the cluster must offer: the started plan, or a resumed run's journaled one.</summary>
    private Plan? _placed;

    private async Task<int> ExecuteAsync(
        Func<RunHost, Func<IEnumerable<IRunObserver>, CancellationToken, Task<RunOutcome>>> start, string runId)
    {
        _runId = runId;
        var after = new AfterRun(cli.Registry, StateDirectory, runId, OutputDirectory, Formats, Scrubber, cli.Time) { GateModes = GateModes, Suppressor = Suppressor };

        using var interrupt = new CancellationTokenSource();
        void Stop(string signal)
        {
            if (interrupt.IsCancellationRequested) return;
            cli.Error.WriteLine($"{signal}: stopping — no new agents start, running agents are cancelled, the journal is flushed.");
            interrupt.Cancel();
        }
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; Stop("interrupt"); };
        Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; Stop("SIGTERM"); });

        using var telemetryExport = TelemetryExport.StartFromEnvironment(MusterVersion.Current);
        using var telemetry = new TelemetryObserver();
        var observers = new List<IRunObserver>(after.Observers) { telemetry };
        LiveProgress? live = null;
        if (!Terminal.Quiet && cli.Interactive)
        {
            live = new LiveProgress(cli.ErrorConsole, cli.Time);
            observers.Add(live);
        }
        else if (!Terminal.Quiet)
        {
            observers.Add(new PlainProgress(cli.Error, cli.Time));
        }

        await using var cluster = await ClusterPlacement.ConnectAsync(Cluster, _placed, cli, interrupt.Token);
        var host = new RunHost(cli.Registry, new EngineOptions { MaxParallel = MaxParallel, Time = cli.Time }, Scrubber, cli.Loggers, cluster?.Executors);
        RunOutcome outcome;
        try
        {
            var run = start(host)(observers, interrupt.Token);
            if (live is not null) await Task.WhenAll(run, live.RenderAsync());
            outcome = await run;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        var result = await after.CompleteAsync(outcome, _plan);
        try
        {
            if (Stdout is { } format) await CopyToStdoutAsync(Path.Combine(result.OutputDirectory, ReportWriter.FileNameOf(format)));
            return Summarize(result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await after.RecordFailureAsync(outcome.RunId, e);
            throw;
        }
    }

    /// <summary>The report exactly as written to its file, so stdout and the file never differ.</summary>
    private async Task CopyToStdoutAsync(string report)
    {
        await cli.Out.WriteAsync(await File.ReadAllTextAsync(report));
        await cli.Out.FlushAsync();
    }

    /// <summary>Relative to the current folder when under it, else absolute.</summary>
    private static string Shown(string path) =>
        Path.GetRelativePath(Environment.CurrentDirectory, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

    /// <summary>The report that lists every finding, for "and K more in ..."; null when none was written to a file.</summary>
    private static string? FullReport(IReadOnlyList<string> written) =>
        new[] { "report.md", "report.html", "report.json", "report.sarif" }
            .Select(name => written.FirstOrDefault(f => Path.GetFileName(f) == name))
            .OfType<string>().Select(Shown).FirstOrDefault();

    /// <summary>The drift table belongs on screen too: what the workspace claims against what was verified.</summary>
    private void PrintInfrastructure(RunOutcome outcome)
    {
        var table = outcome.Agents.SelectMany(a => a.Result.Artifacts).FirstOrDefault(a => a.Name == "infrastructure.md")?.Content;
        if (table is null) return;
        var probes = table.IndexOf("\n## Probes", StringComparison.Ordinal);
        cli.Error.WriteLine();
        cli.Error.WriteLine((probes > 0 ? table[..probes] : table).TrimEnd());
    }

    private int Summarize(AfterRunResult result)
    {
        var outcome = result.Outcome;
        var findings = outcome.Findings;
        cli.Error.WriteLine();
        cli.Error.WriteLine($"Run {outcome.RunId}: {outcome.Status.ToString().ToLowerInvariant()}; " +
            string.Join(", ", SeverityText.WorstFirst.Select(s => $"{findings.Count(f => f.Severity == s)} {s.ToLabel()}")) +
            (result.Suppressed.Count > 0 ? $"; {result.Suppressed.Count} suppressed (listed in report.md, not counted)" : ""));
        if (!Terminal.Quiet)
        {
            foreach (var file in result.Written) cli.Error.WriteLine($"  wrote {Shown(file)}");
            PrintInfrastructure(outcome);
            new FindingsPrinter(Terminal, Scrubber).Print(findings, cli.Error, FullReport(result.Written));
            cli.Error.WriteLine();
        }

        cli.Error.WriteLine("Quality gates:");
        var width = result.Gates.Select(g => g.Label.Length).Append(GateStatus.NotEvaluated.ToLabel().Length).Max() + 1;
        foreach (var gate in result.Gates)
        {
            cli.Error.WriteLine($"  {gate.Name,-14} {gate.Label.PadRight(width)} {gate.Summary}");
        }

        if (outcome.Status == RunStatus.Interrupted)
        {
            cli.Error.WriteLine($"Interrupted. Resume with: muster resume {outcome.RunId} --state {StateDirectory}");
        }
        var verdict = result.Verdict(FailOn);
        foreach (var warning in verdict.Warnings) cli.Error.WriteLine($"WARN: {warning}");
        foreach (var failure in verdict.Failures) cli.Error.WriteLine($"FAILED: {failure}");
        return verdict.ExitCode(FailureExitCode);
    }
}
