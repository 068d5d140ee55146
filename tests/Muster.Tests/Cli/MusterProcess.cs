using System.Diagnostics;
using System.Text;

namespace Muster.Tests.Cli;

/// <summary>Runs the real <c>muster</c> CLI (the built Muster.Cli.dll) as a child process.</summary>
internal sealed class MusterProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private bool _disposed;

    private MusterProcess(Process process) => _process = process;

    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "Muster.Cli.dll");

    public static MusterProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    public static MusterProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["CI"] = "true";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        var wrapper = new MusterProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (wrapper._stdout) wrapper._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (wrapper._stderr) wrapper._stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>The largest resident set seen while <see cref="WaitAsync"/> watched it (Linux' VmHWM), in MB.</summary>
    public long PeakRssMegabytes { get; private set; }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(cts.Token);
        while (!exited.IsCompleted)
        {
            PeakRssMegabytes = Math.Max(PeakRssMegabytes, HighWaterMarkMegabytes(_process.Id));
            await Task.WhenAny(exited, Task.Delay(100, CancellationToken.None));
        }
        await exited;
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    private static long HighWaterMarkMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }

    public void KillHard() => _process.Kill(entireProcessTree: true);

    public void Signal(int signal) => _ = NativeSignal.Send(_process.Id, signal);

    /// <summary>Kills what still runs; a second call (a test's <c>using</c>, then the fixture that also tracks it) does nothing.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}

internal static partial class NativeSignal
{
    public const int SIGTERM = 15;
    public const int SIGKILL = 9;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    public static int Send(int pid, int signal) => Kill(pid, signal);
}
