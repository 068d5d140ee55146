using System.Diagnostics;

namespace Muster.Workspace.Processes;

/// <summary>
/// Starts real processes: the one type in the library that creates a <see cref="Process"/>. The environment is cleared
/// and filled only from the spec. A program <see cref="ProcessSpec.TiedToMuster"/> runs under
/// <see cref="ChildWatchdog"/> on Linux; elsewhere it starts directly and only <see cref="IStartedProcess.Kill"/>
/// ends its tree.
/// </summary>
public sealed class SystemProcessStarter : IProcessStarter
{
    public static readonly SystemProcessStarter Instance = new();

    private SystemProcessStarter()
    {
    }

    public IStartedProcess Start(ProcessSpec spec)
    {
        var setsid = spec.TiedToMuster ? ChildWatchdog.Setsid : null;
        if (setsid is not null && spec.WritesInput)
            throw new ArgumentException("a program tied to Muster's life has the watchdog's input, not the caller's", nameof(spec));
        if (setsid is not null) RequireExecutable(spec.FileName);
        var startInfo = new ProcessStartInfo
        {
            FileName = setsid ?? spec.FileName,
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        var arguments = setsid is null ? spec.Arguments : ChildWatchdog.Arguments(spec.FileName, spec.Arguments);
        foreach (var arg in arguments) startInfo.ArgumentList.Add(arg);
        startInfo.Environment.Clear();
        foreach (var (name, value) in spec.Environment) startInfo.Environment[name] = value;

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new ProcessStartException(e.Message, e);
        }
        // Supervised, stdin is the watchdog's lifeline: it stays open until the group is to die.
        if (setsid is null && !spec.WritesInput) process.StandardInput.Close();
        return new SystemProcess(process, supervised: setsid is not null, spec.WritesInput);
    }

    /// <summary>The watchdog's sh would only report "permission denied" as exit code 126; say it before starting.</summary>
    private static void RequireExecutable(string program)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(program) & anyExecute) != 0) return;
        throw new ProcessStartException("it is not executable");
    }
}
