namespace Muster.Engine;

public enum RunStatus
{
    Running,
    Completed,
    Stopped,
    Interrupted,

    /// <summary>Ended by an error Muster could not handle (the journal keeps the reason); resumable like an interrupted run.</summary>
    Failed,
}
