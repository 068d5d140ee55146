using Muster.Workspace.Processes;

namespace Muster.Workspace.Git;

/// <summary>
/// One running git command whose output is read as a stream (history scanning: <c>log -p</c>, <c>cat-file --batch</c>).
/// Bounded in time: past its timeout, or on cancellation, the whole process tree is killed and the output ends.
/// Disposing kills a command still running.
/// </summary>
public sealed class GitProcess : IAsyncDisposable
{
    private const int StderrLimit = 16 * 1024;
    private readonly IStartedProcess _process;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _limit;
    private readonly CancellationTokenRegistration _killOnLimit;
    private readonly Task<string> _stderr;
    private readonly string _command;
    private readonly TimeProvider _time;

    internal GitProcess(IStartedProcess process, string command, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _process = process;
        _command = command;
        _time = time;
        _timer = new CancellationTokenSource(timeout, time);
        _limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
        _killOnLimit = _limit.Token.Register(KillTree);
        _stderr = ReadBoundedAsync(new StreamReader(process.Error));
    }

    /// <summary>git's standard output, raw bytes (paths and patches need not be UTF-8).</summary>
    public Stream Output => _process.Output;

    /// <summary>git's standard input (for <c>cat-file --batch</c>, <c>check-ignore --stdin</c>); close it when done writing.</summary>
    public Stream Input => _process.Input;

    /// <summary>True once the timeout passed or the caller cancelled; the output was cut short.</summary>
    public bool Stopped => _limit.IsCancellationRequested;

    /// <summary>Waits for git to exit. Throws <see cref="OperationCanceledException"/> when the caller cancelled.</summary>
    public async Task<GitResult> WaitAsync(CancellationToken cancellationToken = default)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var stderr = await _stderr.ConfigureAwait(false);
        if (Stopped && !cancellationToken.IsCancellationRequested) return new GitResult(-1, "", $"git {_command} timed out");
        return new GitResult(_process.ExitCode, "", _process.ExitCode == 0 ? null : $"git {_command} failed (exit {_process.ExitCode}): {FirstLine(stderr)}");
    }

    /// <summary>The first lines git wrote to standard error (bounded).</summary>
    public Task<string> ErrorText => _stderr;

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (text.Length < StderrLimit) text.Append(buffer, 0, Math.Min(read, StderrLimit - text.Length));
        }
        return text.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private void KillTree() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        KillTree();
        await _killOnLimit.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a process that ignores SIGKILL is the kernel's problem; do not hang the run on it
        }
        _process.Dispose();
        _limit.Dispose();
        _timer.Dispose();
    }
}
