namespace Muster.Agents.Command;

/// <summary>How a command ended and what it printed (each stream bounded).</summary>
internal sealed record ProcessOutcome(
    int ExitCode,
    string Stdout,
    long StdoutBytes,
    bool StdoutTruncated,
    string Stderr,
    long StderrBytes,
    TimeSpan Duration)
{
    /// <summary>False where <see cref="Workspace.Processes.ChildWatchdog"/> cannot run: the program's children may outlive Muster.</summary>
    public bool ChildrenSupervised { get; init; }
}
