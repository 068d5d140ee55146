using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Cli.Progress;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Engine.Telemetry;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;
using Muster.Reports;
using Spectre.Console;

namespace Muster.Cli;

/// <summary>What audit, run and resume share: signals, progress, the run itself, reports and the exit code.</summary>
internal sealed class RunSession(CliContext cli)
{
    public required string StateDirectory { get; init; }
    public required string? OutputDirectory { get; init; }
    public required IReadOnlyList<ReportFormat> Formats { get; init; }
    public required Severity? FailOn { get; init; }
    public required int MaxParallel { get; init; }

    public async Task<int> StartAsync(Plan plan, string root, IReadOnlyDictionary<string, string> parameters)
    {
        _plan = plan;
        return await ExecuteAsync(host => (observers, token) => host.StartAsync(plan, root, StateDirectory, parameters, observers, token, _runId), RunHost.NewRunId(cli.Time));
    }

    public async Task<int> ResumeAsync(string runId) =>
        await ExecuteAsync(host => (observers, token) => host.ResumeAsync(runId, StateDirectory, observers, token), runId);

    private string _runId = "";
    private Plan? _plan;

    private async Task<int> ExecuteAsync(
        Func<RunHost, Func<IEnumerable<IRunObserver>, CancellationToken, Task<RunOutcome>>> start, string runId)
    {
        _runId = runId;
        var output = OutputDirectory ?? Path.Combine(StateDirectory, "reports", runId);
        var written = new List<string>();
        var continuation = new ContinuationWriter(output, () => written);

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

        using var telemetryExport = TelemetryExport.StartFromEnvironment(ReportOptions.Default.ToolVersion);
        using var telemetry = new TelemetryObserver();
        var observers = new List<IRunObserver> { continuation, telemetry };
        LiveProgress? live = null;
        if (cli.Interactive)
        {
            live = new LiveProgress(cli.ErrorConsole, cli.Time);
            observers.Add(live);
        }
        else
        {
            observers.Add(new PlainProgress(cli.Error, cli.Time));
        }

        var host = new RunHost(cli.Registry, new EngineOptions { MaxParallel = MaxParallel, Time = cli.Time }, cli.Scrubber, cli.Loggers);
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

        var plan = _plan ?? PlanOfJournaledRun(outcome.RunId);
        var gaps = RunHistory.Register(outcome, plan?.Owners ?? []);
        var gates = GateEvaluator.Evaluate(outcome, gaps, plan?.Gates ?? GateSettings.Default);
        var options = new ReportOptions { Gaps = gaps, Gates = gates, History = Trend(outcome.RunId) };
        written.AddRange(await ReportWriter.WriteAsync(outcome, output, Formats, options));
        written.Add(Path.Combine(output, ContinuationWriter.FileName));
        await continuation.WriteAsync(outcome);

        return Summarize(outcome, output, written, gates);
    }

    /// <summary>The plan a resumed run ran, as the journal kept it; null when it no longer parses.</summary>
    private Plan? PlanOfJournaledRun(string runId)
    {
        try
        {
            using var journal = JournalReader.Open(StateDirectory);
            return journal.FindRun(runId) is { } record ? new PlanParser(cli.Registry).Parse(record.PlanText, record.PlanSource) : null;
        }
        catch (Exception e) when (e is PlanException or FileNotFoundException or JournalException)
        {
            return null;
        }
    }

    private IReadOnlyList<RunTrendPoint> Trend(string runId)
    {
        try
        {
            using var journal = JournalReader.Open(StateDirectory);
            return RunHistory.Trend(journal, runId);
        }
        catch (Exception e) when (e is FileNotFoundException or JournalException)
        {
            return [];
        }
    }

    /// <summary>The drift table belongs on screen too: what the workspace claims against what was verified.</summary>
    private void PrintInfrastructure(RunOutcome outcome)
    {
        var table = outcome.Agents.SelectMany(a => a.Result.Artifacts).FirstOrDefault(a => a.Name == "infrastructure.md")?.Content;
        if (table is null) return;
        var probes = table.IndexOf("\n## Probes", StringComparison.Ordinal);
        cli.Error.WriteLine();
        cli.Error.WriteLine((probes > 0 ? table[..probes] : table).TrimEnd());
        cli.Error.WriteLine();
    }

    private int Summarize(RunOutcome outcome, string output, IReadOnlyList<string> written, IReadOnlyList<GateResult> gates)
    {
        var findings = outcome.Findings;
        cli.Error.WriteLine();
        cli.Error.WriteLine($"Run {outcome.RunId}: {outcome.Status.ToString().ToLowerInvariant()}; " +
            string.Join(", ", SeverityText.WorstFirst.Select(s => $"{findings.Count(f => f.Severity == s)} {s.ToLabel()}")));
        foreach (var file in written) cli.Error.WriteLine($"  wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
        PrintInfrastructure(outcome);

        cli.Error.WriteLine("Quality gates:");
        foreach (var gate in gates)
        {
            cli.Error.WriteLine($"  {gate.Name,-14} {gate.Status.ToLabel(),-14} {gate.Summary}");
        }

        var failures = new List<string>();
        failures.AddRange(gates.Where(g => g.Status == GateStatus.Failed).Select(g => $"gate {g.Name}: {g.Summary}"));
        foreach (var wave in outcome.Waves)
        {
            failures.AddRange(wave.Criteria.Where(c => !c.Passed).Select(c => $"wave '{wave.Name}': {c.Criterion} failed ({c.Reason})"));
        }
        if (FailOn is { } threshold && findings.Count(f => f.Severity >= threshold) is var count and > 0)
        {
            failures.Add($"--fail-on {threshold.ToLabel()}: {count} finding(s) at or above it");
        }
        if (outcome.Status == RunStatus.Interrupted)
        {
            cli.Error.WriteLine($"Interrupted. Resume with: muster resume {outcome.RunId} --state {StateDirectory}");
            return ExitCodes.GateFailed;
        }
        foreach (var failure in failures) cli.Error.WriteLine($"FAILED: {failure}");
        return failures.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Passed;
    }
}
