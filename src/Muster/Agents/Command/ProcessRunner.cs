using System.Diagnostics;
using Muster.Formats;
using Muster.Workspace;

namespace Muster.Agents.Command;

/// <summary>
/// Runs one program directly (no shell: arguments are passed as a list, never re-parsed), with a cleared environment
/// filled only from the spec. On Linux the program runs under <see cref="ChildWatchdog"/>: its process group dies
/// with Muster, on timeout, on cancellation, and when the program ends (what it left running is killed). Elsewhere
/// the program starts directly and only timeout and cancellation kill its tree.
/// </summary>
internal static class ProcessRunner
{
    private const int StderrLimit = 64 * 1024;
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static async Task<ProcessOutcome> RunAsync(CommandSpec spec, TimeProvider time, CancellationToken cancellationToken,
        IChildProcessLog? childProcesses = null, string agentId = "")
    {
        var setsid = ChildWatchdog.Setsid;
        if (setsid is not null) RequireExecutable(spec.Program);
        var startInfo = new ProcessStartInfo
        {
            FileName = setsid ?? spec.Program,
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        var arguments = setsid is null ? spec.Arguments : ChildWatchdog.Arguments(spec.Program, spec.Arguments);
        foreach (var arg in arguments) startInfo.ArgumentList.Add(arg);
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
        // Supervised, stdin is the watchdog's lifeline: it stays open until the group is to die.
        if (setsid is null) process.StandardInput.Close();
        // Recorded so that a resume can kill the group if Muster dies and the watchdog could not (it was killed too).
        var startTime = setsid is null ? null : ProcessGroups.StartTime(process.Id);
        if (startTime is { } recorded) childProcesses?.Started(agentId, process.Id, recorded);
        try
        {
            var outcome = await WaitAsync(process, spec, supervised: setsid is not null, time, started, cancellationToken).ConfigureAwait(false);
            return outcome with { ChildrenSupervised = setsid is not null };
        }
        finally
        {
            if (setsid is not null)
            {
                // The group id is the program's pid (setsid made it the leader) and the watcher keeps the group in
                // existence until the pipe closes, so the id cannot have been reused yet: kill first, then close.
                ProcessGroups.Kill(process.Id);
                process.StandardInput.Close();
                if (startTime is { } leaderStart) childProcesses?.Ended(process.Id, leaderStart);
            }
        }
    }

    private static async Task<ProcessOutcome> WaitAsync(
        Process process, CommandSpec spec, bool supervised, TimeProvider time, long started, CancellationToken cancellationToken)
    {
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
            if (supervised) ProcessGroups.Kill(process.Id); // the whole group at once, before it can start more
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

    /// <summary>The watchdog's sh would only report "permission denied" as exit code 126; say it before starting.</summary>
    private static void RequireExecutable(string program)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(program) & anyExecute) != 0) return;
        throw new InvalidOperationException($"could not start '{program}': it is not executable");
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
