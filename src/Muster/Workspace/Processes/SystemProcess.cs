using System.Diagnostics;

namespace Muster.Workspace.Processes;

/// <summary>A process <see cref="SystemProcessStarter"/> started.</summary>
internal sealed class SystemProcess : IStartedProcess
{
    private readonly Process _process;
    private readonly bool _writesInput;
    private bool _disposed;

    public SystemProcess(Process process, bool supervised, bool writesInput)
    {
        _process = process;
        _writesInput = writesInput;
        Supervised = supervised;
        Id = process.Id;
        // Recorded so that a resume can kill the group if Muster dies and the watchdog could not (it was killed too).
        GroupStartTime = supervised ? ProcessGroups.StartTime(Id) : null;
    }

    public int Id { get; }
    public bool Supervised { get; }
    public long? GroupStartTime { get; }

    public Stream Input => _writesInput ? _process.StandardInput.BaseStream
        : throw new InvalidOperationException("the program was started without the caller's standard input");

    public Stream Output => _process.StandardOutput.BaseStream;
    public Stream Error => _process.StandardError.BaseStream;
    public int ExitCode => _process.ExitCode;

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Kill()
    {
        if (Supervised) ProcessGroups.Kill(Id); // the whole group at once, before it can start more
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
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

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (Supervised)
        {
            // The group id is the program's pid (setsid made it the leader) and the watcher keeps the group in
            // existence until the pipe closes, so the id cannot have been reused yet: kill first, then close.
            ProcessGroups.Kill(Id);
            _process.StandardInput.Close();
        }
        _process.Dispose();
    }
}
