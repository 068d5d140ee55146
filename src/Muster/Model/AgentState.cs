namespace Muster.Model;

/// <summary>
/// Life cycle of one agent in a run. <see cref="Overdue"/> is not a failure: the soft timeout passed and the agent
/// is still running; it ends in any of the terminal states.
/// </summary>
public enum AgentState
{
    Pending,
    Running,
    Overdue,
    Succeeded,
    Failed,
    TimedOut,
    Cancelled,
    Skipped,
}

public static class AgentStateText
{
    public static bool IsTerminal(this AgentState state) =>
        state is AgentState.Succeeded or AgentState.Failed or AgentState.TimedOut or AgentState.Cancelled or AgentState.Skipped;

    public static string ToLabel(this AgentState state) => state switch
    {
        AgentState.TimedOut => "timed-out",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static AgentState Parse(string label) => label switch
    {
        "timed-out" => AgentState.TimedOut,
        _ => Enum.Parse<AgentState>(label, ignoreCase: true),
    };
}
