namespace Muster.Engine;

public enum RunStatus
{
    Running,
    Completed,
    Stopped,
    Interrupted,
}
