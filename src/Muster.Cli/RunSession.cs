using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Cli.Progress;
using Muster.Engine;
using Muster.Engine.Plans;
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

    public async Task<int> StartAsync(Plan plan, string root, IReadOnlyDictionary<string, string> parameters) =>
        await ExecuteAsync(host => (observers, token) => host.StartAsync(plan, root, StateDirectory, parameters, observers, token, _runId), RunHost.NewRunId(cli.Time));

    public async Task<int> ResumeAsync(string runId) =>
        await ExecuteAsync(host => (observers, token) => host.ResumeAsync(runId, StateDirectory, observers, token), runId);

    private string _runId = "";

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

        var observers = new List<IRunObserver> { continuation };
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

        written.AddRange(await ReportWriter.WriteAsync(outcome, output, Formats));
        written.Add(Path.Combine(output, ContinuationWriter.FileName));
        await continuation.WriteAsync(outcome);

        return Summarize(outcome, output, written);
    }

    private int Summarize(RunOutcome outcome, string output, IReadOnlyList<string> written)
    {
        var findings = outcome.Findings;
        cli.Error.WriteLine();
        cli.Error.WriteLine($"Run {outcome.RunId}: {outcome.Status.ToString().ToLowerInvariant()}; " +
            string.Join(", ", SeverityText.WorstFirst.Select(s => $"{findings.Count(f => f.Severity == s)} {s.ToLabel()}")));
        foreach (var file in written) cli.Error.WriteLine($"  wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");

        var failures = new List<string>();
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
