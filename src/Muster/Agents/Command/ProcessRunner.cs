using Muster.Formats;
using Muster.Workspace.Processes;

namespace Muster.Agents.Command;

/// <summary>
/// Runs one program to its end through the agent's <see cref="IProcessStarter"/>, tied to Muster's life (see
/// <see cref="ChildWatchdog"/>): its process group dies with Muster, on timeout, on cancellation, and when the program
/// ends (what it left running is killed). Where the watchdog cannot run, only timeout and cancellation kill its tree.
/// The timeout runs on the agent's clock.
/// </summary>
internal static class ProcessRunner
{
    private const int StderrLimit = 64 * 1024;
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static async Task<ProcessOutcome> RunAsync(CommandSpec spec, IProcessStarter processes, TimeProvider time, CancellationToken cancellationToken,
        IChildProcessLog? childProcesses = null, string agentId = "")
    {
        var started = time.GetTimestamp();
        IStartedProcess process;
        try
        {
            process = processes.Start(new ProcessSpec
            {
                FileName = spec.Program,
                Arguments = spec.Arguments,
                WorkingDirectory = spec.WorkingDirectory,
                Environment = spec.Environment,
                TiedToMuster = true,
            });
        }
        catch (ProcessStartException e)
        {
            throw new InvalidOperationException($"could not start '{spec.Program}': {e.Message}", e);
        }
        var groupStart = process.GroupStartTime;
        if (groupStart is { } recorded) childProcesses?.Started(agentId, process.Id, recorded);
        try
        {
            var outcome = await WaitAsync(process, spec, time, started, cancellationToken).ConfigureAwait(false);
            return outcome with { ChildrenSupervised = process.Supervised };
        }
        finally
        {
            process.Dispose();
            if (groupStart is { } leaderStart) childProcesses?.Ended(process.Id, leaderStart);
        }
    }

    private static async Task<ProcessOutcome> WaitAsync(
        IStartedProcess process, CommandSpec spec, TimeProvider time, long started, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(spec.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stdout = new BoundedCapture(spec.MaxOutputBytes);
        var stderr = new BoundedCapture(StderrLimit);
        using var drainStop = new CancellationTokenSource();
        var drains = Task.WhenAll(
            stdout.ReadToEndAsync(process.Output, drainStop.Token),
            stderr.ReadToEndAsync(process.Error, drainStop.Token));
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await drainStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(drains, Task.Delay(DrainGrace, time, CancellationToken.None)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CommandTimeoutException(
                $"'{Path.GetFileName(spec.Program)}' ran longer than its timeout of {DurationText.Format(spec.Timeout)}; its process tree was killed");
        }
        // A background grandchild may still hold the pipes open after the program itself exited.
        if (await Task.WhenAny(drains, Task.Delay(DrainGrace, time, cancellationToken)).ConfigureAwait(false) != drains)
        {
            await drainStop.CancelAsync().ConfigureAwait(false);
        }
        return new ProcessOutcome(
            process.ExitCode,
            stdout.Text(), stdout.TotalBytes, stdout.Truncated,
            stderr.Text(), stderr.TotalBytes,
            time.GetElapsedTime(started));
    }
}
