namespace Muster.Workspace.Processes;

/// <summary>
/// Starts programs: the one way library code runs a process (the command agent's program, git, a stdio MCP server).
/// A run uses <see cref="SystemProcessStarter"/>; a test gives a fake that records each spec and answers with canned
/// output, so no real process runs.
/// </summary>
public interface IProcessStarter
{
    /// <summary>Starts the program <paramref name="spec"/> names; throws <see cref="ProcessStartException"/> when it cannot.</summary>
    IStartedProcess Start(ProcessSpec spec);
}
