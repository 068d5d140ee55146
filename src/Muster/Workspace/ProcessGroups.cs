using System.Globalization;
using System.Runtime.InteropServices;

namespace Muster.Workspace;

/// <summary>
/// Signals a whole process group and identifies a process across pid reuse (Linux /proc). A group is only ever named
/// by the pid of its own leader, so a kill can never reach Muster's own group.
/// </summary>
public static class ProcessGroups
{
    private const int SigKill = 9;

    /// <summary>SIGKILL to every process of group <paramref name="pgid"/>; false when no such group exists (any more).</summary>
    public static bool Kill(int pgid)
    {
        if (pgid <= 1 || !OperatingSystem.IsLinux()) return false;
        return SendSignal(-pgid, SigKill) == 0;
    }

    /// <summary>
    /// When the process started, in clock ticks after boot (/proc/PID/stat field 22): with the pid it names one process,
    /// since a recycled pid starts later. Null when the process is gone (or not on Linux).
    /// </summary>
    public static long? StartTime(int pid) => StatFields(pid) is { } fields ? long.Parse(fields[19], CultureInfo.InvariantCulture) : null;

    /// <summary>The process group of <paramref name="pid"/> (/proc/PID/stat field 5); null when the process is gone.</summary>
    public static int? GroupOf(int pid) => StatFields(pid) is { } fields ? int.Parse(fields[2], CultureInfo.InvariantCulture) : null;

    /// <summary>False for a process that is gone or a zombie (dead, only waiting for its parent to collect it).</summary>
    public static bool IsRunning(int pid) => StatFields(pid) is { } fields && fields[0] is not ("Z" or "X");

    /// <summary>The fields after the command name, which is in parentheses and may itself hold spaces or ')'.</summary>
    private static string[]? StatFields(int pid)
    {
        if (!OperatingSystem.IsLinux() || pid <= 0) return null;
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var end = text.LastIndexOf(')');
        return end < 0 ? null : text[(end + 2)..].Split(' ');
    }

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
