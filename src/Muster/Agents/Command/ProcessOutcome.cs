namespace Muster.Agents.Command;

/// <summary>How a command ended and what it printed (each stream bounded).</summary>
internal sealed record ProcessOutcome(
    int ExitCode,
    string Stdout,
    long StdoutBytes,
    bool StdoutTruncated,
    string Stderr,
    long StderrBytes,
    TimeSpan Duration);
