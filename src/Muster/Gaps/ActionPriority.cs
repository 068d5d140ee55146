using Muster.Model;

namespace Muster.Gaps;

/// <summary>When a gap's fix is due: the seed's P0 (today), P1 (this week), P2 (this sprint) and the backlog.</summary>
public enum ActionPriority
{
    P0,
    P1,
    P2,
    Backlog,
}

public static class ActionPriorities
{
    public static ActionPriority Of(Severity severity) => severity switch
    {
        Severity.Critical => ActionPriority.P0,
        Severity.High => ActionPriority.P1,
        Severity.Medium => ActionPriority.P2,
        _ => ActionPriority.Backlog,
    };

    public static string Heading(this ActionPriority priority) => priority switch
    {
        ActionPriority.P0 => "Immediate (P0 - TODAY)",
        ActionPriority.P1 => "This Week (P1 - HIGH)",
        ActionPriority.P2 => "This Sprint (P2 - MEDIUM)",
        _ => "Backlog (LOW)",
    };

    public static string Label(this ActionPriority priority) => priority == ActionPriority.Backlog ? "backlog" : priority.ToString();
}
