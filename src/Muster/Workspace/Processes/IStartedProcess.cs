namespace Muster.Workspace.Processes;

/// <summary>A program <see cref="IProcessStarter"/> started. Disposing it ends what is still running of it when <see cref="Supervised"/>.</summary>
public interface IStartedProcess : IDisposable
{
    int Id { get; }

    /// <summary>
    /// True when the program leads a process group of its own that dies with Muster (<see cref="ChildWatchdog"/>); the
    /// group is killed when the process is disposed. False where the watchdog cannot run, or when not asked for.
    /// </summary>
    bool Supervised { get; }

    /// <summary>When the supervised group's leader started (/proc/PID/stat field 22), for a resume to find it again; null otherwise.</summary>
    long? GroupStartTime { get; }

    /// <summary>The program's standard input; only when the spec said <see cref="ProcessSpec.WritesInput"/>.</summary>
    Stream Input { get; }

    /// <summary>Standard output, raw bytes.</summary>
    Stream Output { get; }

    /// <summary>Standard error, raw bytes.</summary>
    Stream Error { get; }

    /// <summary>Valid once <see cref="WaitForExitAsync"/> has returned.</summary>
    int ExitCode { get; }

    Task WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Kills the program's whole process tree (and its group when supervised) at once; nothing happens when it has already ended.</summary>
    void Kill();
}
