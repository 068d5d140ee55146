using System.Diagnostics;

namespace Muster.Agents.Mcp;

/// <summary>
/// Kills what a started server left behind. Every process it starts inherits the sandbox as its working folder, so on
/// Linux any process whose cwd is inside the sandbox belongs to the server's tree, even one that re-parented itself.
/// </summary>
internal static class SandboxProcesses
{
    public static int KillAllIn(string sandbox)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc")) return 0;
        var killed = 0;
        var prefix = Path.TrimEndingDirectorySeparator(sandbox);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            string? cwd;
            try
            {
                cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (cwd is null || !(cwd == prefix || cwd.StartsWith(prefix + "/", StringComparison.Ordinal))) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(2000);
                killed++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
        return killed;
    }
}
