using System.Text;
using Muster.Workspace.Processes;

namespace Muster.Tests;

/// <summary>
/// A process that never ran: fixed output and exit code, or (<see cref="Hangs"/>) one that only ends when killed.
/// Records what was written to its input and whether it was killed and disposed.
/// </summary>
internal sealed class CannedProcess : IStartedProcess
{
    private const int KilledExitCode = 137;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _input = new();

    private CannedProcess(string stdout, string stderr, bool supervised)
    {
        Output = new MemoryStream(Encoding.UTF8.GetBytes(stdout), writable: false);
        Error = new MemoryStream(Encoding.UTF8.GetBytes(stderr), writable: false);
        Supervised = supervised;
    }

    public static CannedProcess Exits(int exitCode, string stdout = "", string stderr = "", bool supervised = true)
    {
        var process = new CannedProcess(stdout, stderr, supervised);
        process._exit.SetResult(exitCode);
        return process;
    }

    /// <summary>Writes its output, then runs until <see cref="Kill"/>.</summary>
    public static CannedProcess Hangs(string stdout = "", bool supervised = true) => new(stdout, "", supervised);

    /// <summary>Completes once someone waits for the process to exit.</summary>
    public TaskCompletionSource Waited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Killed { get; private set; }
    public bool Disposed { get; private set; }

    /// <summary>What was written to standard input (readable after the writer closed it, too).</summary>
    public string InputText => Encoding.UTF8.GetString(_input.ToArray());

    public int Id => 424242;
    public bool Supervised { get; }
    public long? GroupStartTime => null;
    public Stream Input => _input;
    public Stream Output { get; }
    public Stream Error { get; }
    public int ExitCode => _exit.Task.IsCompleted ? _exit.Task.Result : throw new InvalidOperationException("not exited");

    public Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        Waited.TrySetResult();
        return _exit.Task.WaitAsync(cancellationToken);
    }

    public void Kill()
    {
        Killed = true;
        _exit.TrySetResult(KilledExitCode);
    }

    public void Dispose() => Disposed = true;
}
