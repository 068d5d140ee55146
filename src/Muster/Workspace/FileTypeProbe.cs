using System.Runtime.InteropServices;

namespace Muster.Workspace;

/// <summary>
/// The type of a directory entry without opening it (statx, not following links): a FIFO would block any open or read
/// forever, a socket cannot be opened and a device can stream without end, so none of them is ever read.
/// </summary>
public static class FileTypeProbe
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, uid, gid, u16 mode
    private const int StatxSize = 256;

    /// <summary>Null for a regular file, a folder, a link or a missing entry; else what it is ("a FIFO").</summary>
    public static string? SpecialKind(string fullPath)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, fullPath, AtSymlinkNoFollow, StatxType, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x1000 => "a FIFO",
            0xC000 => "a socket",
            0x2000 => "a character device",
            0x6000 => "a block device",
            _ => null,
        };
    }

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
