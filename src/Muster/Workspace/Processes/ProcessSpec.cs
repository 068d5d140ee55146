namespace Muster.Workspace.Processes;

/// <summary>
/// One program to start: no shell (each argument is passed as is, never re-parsed) and exactly the environment given.
/// Time and output limits are the caller's: it enforces them on its own clock and ends the process with
/// <see cref="IStartedProcess.Kill"/>.
/// </summary>
public sealed record ProcessSpec
{
    /// <summary>The program's full path.</summary>
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public required string WorkingDirectory { get; init; }

    /// <summary>The program's whole environment: nothing of Muster's own shows through.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>True: the caller writes <see cref="IStartedProcess.Input"/> and closes it. False: the program's input is at its end from the start.</summary>
    public bool WritesInput { get; init; }

    /// <summary>
    /// Ties the program and everything it starts to Muster's life where <see cref="ChildWatchdog"/> can run (see
    /// <see cref="IStartedProcess.Supervised"/>); its input is then the watchdog's, so <see cref="WritesInput"/> must be false.
    /// </summary>
    public bool TiedToMuster { get; init; }
}
