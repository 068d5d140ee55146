using System.Runtime.InteropServices;

namespace Muster.Workspace.Git;

/// <summary>
/// Who owns a file, compared with the user running Muster. Uses <c>statx</c>, whose buffer layout is the same on every
/// Linux architecture (a plain <c>stat</c> struct is not); elsewhere the owner is unknown.
/// </summary>
public static class FileOwner
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const int StatxBufferBytes = 256;
    private const int UidOffset = 20;

    /// <summary>The owner's uid, or null when it cannot be read (not Linux, or the path is gone).</summary>
    public static uint? UidOf(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[StatxBufferBytes];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxUid, buffer) != 0) return null;
        return BitConverter.ToUInt32(buffer, UidOffset);
    }

    /// <summary>The effective uid of this process, or null outside Linux.</summary>
    public static uint? CurrentUid() => OperatingSystem.IsLinux() ? GetEffectiveUid() : null;

    /// <summary>True when both uids are known and differ.</summary>
    public static bool IsForeign(string path) => UidOf(path) is { } owner && CurrentUid() is { } me && owner != me;

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUid();
#pragma warning restore SYSLIB1054
}
