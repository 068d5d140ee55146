namespace Muster.Workspace.Processes;

/// <summary>
/// Ties everything a command starts to Muster's life, however Muster ends (SIGKILL included). The program runs in a
/// session and process group of its own (util-linux <c>setsid</c>, so the group id is the program's pid) under a
/// POSIX sh watcher that holds the read end of the program's stdin pipe from Muster. Muster never writes to it; when
/// the pipe reaches end of file (Muster closed it, or Muster died and the kernel closed it) the watcher kills the
/// whole group.
/// </summary>
/// <remarks>
/// Why not the alternatives: Process.Start cannot run code between fork and exec, so prctl(PR_SET_PDEATHSIG) cannot be
/// called in the child; <c>setpriv --pdeathsig</c> ties the signal to the forking thread (a thread-pool thread that may
/// retire: spurious kills) and reaches only the direct child, not its children. The sh <c>exec</c>s the program, so
/// the process Muster waits for is the program itself (its own exit code, its own signal dispositions) and the watcher
/// is re-parented away from it (started in a subshell that exits at once), so the program never sees a stray child.
/// The program's stdin is /dev/null (end of file at once, like the closed pipe it had before). The program and its
/// arguments are passed as "$@": nothing is interpolated into the script.
/// </remarks>
public static class ChildWatchdog
{
    public const string Script =
        "exec 3<&0 </dev/null\n" +
        "( (trap '' HUP INT TERM; while read -r _; do :; done <&3; kill -s KILL 0) & )\n" +
        "exec \"$@\" 3<&-\n";

    private const string Shell = "/bin/sh";

    /// <summary>Fixed locations only (not PATH, which the plan shapes): Debian's base system has both.</summary>
    private static readonly string[] SetsidLocations = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>The setsid program, or null where the watchdog cannot run (not Linux, or no setsid/sh).</summary>
    public static string? Setsid { get; } = FindSetsid();

    /// <summary>Why children are not supervised here, for the agent's summary; null when they are.</summary>
    public static string? UnavailableReason => Setsid is not null ? null
        : OperatingSystem.IsLinux() ? $"no setsid in {string.Join(" or ", SetsidLocations)} or no {Shell}"
        : "not Linux";

    /// <summary>What to start instead of <paramref name="program"/>: setsid, sh with the script, then the program and its arguments.</summary>
    public static IReadOnlyList<string> Arguments(string program, IReadOnlyList<string> arguments) =>
        [Shell, "-c", Script, "muster-watchdog", program, .. arguments];

    private static string? FindSetsid()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Shell)) return null;
        return SetsidLocations.FirstOrDefault(File.Exists);
    }
}
