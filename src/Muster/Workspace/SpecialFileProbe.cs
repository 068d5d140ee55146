using System.Runtime.InteropServices;

namespace Muster.Workspace;

/// <summary>
/// Checks entries that report a length of 0 without blocking: FIFOs would block a normal open forever and sockets
/// cannot be opened at all. Opens non-blocking and closes at once; nothing is read.
/// </summary>
public static class SpecialFileProbe
{
    private const int ReadOnly = 0;

    /// <summary>Null when the entry can be opened (an empty file, a FIFO); else why it cannot.</summary>
    public static string? WhyUnopenable(string fullPath)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        var nonBlocking = OperatingSystem.IsLinux() ? 0x800 : 0x4;
        var fd = Open(fullPath, ReadOnly | nonBlocking);
        if (fd < 0) return Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        Close(fd);
        return null;
    }

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054
}
