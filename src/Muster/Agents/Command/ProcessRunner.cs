using System.Diagnostics;
using Muster.Formats;

namespace Muster.Agents.Command;

/// <summary>
/// Runs one program directly (no shell: arguments are passed as a list, never re-parsed), with a cleared environment
/// filled only from the spec. On timeout or cancellation the whole process tree is killed.
/// </summary>
internal static class ProcessRunner
{
    private const int StderrLimit = 64 * 1024;
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static async Task<ProcessOutcome> RunAsync(CommandSpec spec, TimeProvider time, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = spec.Program,
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var arg in spec.Arguments) startInfo.ArgumentList.Add(arg);
        startInfo.Environment.Clear();
        foreach (var (name, value) in spec.Environment) startInfo.Environment[name] = value;

        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start '{spec.Program}': {e.Message}", e);
        }
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(spec.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stdout = new BoundedCapture(spec.MaxOutputBytes);
        var stderr = new BoundedCapture(StderrLimit);
        using var drainStop = new CancellationTokenSource();
        var drains = Task.WhenAll(
            stdout.ReadToEndAsync(process.StandardOutput.BaseStream, drainStop.Token),
            stderr.ReadToEndAsync(process.StandardError.BaseStream, drainStop.Token));
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
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

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited between the check and the kill
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // a child already gone; the rest of the tree was still signalled
        }
    }
}
