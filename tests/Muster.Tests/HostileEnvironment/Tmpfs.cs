using System.Diagnostics;

namespace Muster.Tests.HostileEnvironment;

/// <summary>
/// A real small or read-only file system (tmpfs), so full and read-only disks are the kernel's, not a simulation.
/// Needs root (CI runs as root; permission bits alone do not stop root, a read-only mount does).
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    public string Path { get; }

    private Tmpfs(string path) => Path = path;

    public static Tmpfs Mount(string path, int kilobytes)
    {
        Assert.True(Geteuid() == 0, "these tests mount a tmpfs and need root (CI runs them as root)");
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new Tmpfs(path);
    }

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose() => Run("umount", "-l", Path);

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var err = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {err}");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint Geteuid();
}
