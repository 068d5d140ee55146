namespace Muster.Agents.Mcp;

public enum McpProbeStatus
{
    /// <summary>Configured, not started (verification is opt-in): unverified, never "working".</summary>
    NotStarted,
    CommandNotFound,
    /// <summary>Answered <c>initialize</c> and <c>tools/list</c>.</summary>
    Works,
    /// <summary>The process ended before answering.</summary>
    Exited,
    /// <summary>No answer within the bounded time.</summary>
    TimedOut,
    /// <summary>Answered, but not as an MCP server (protocol or HTTP error), or could not be reached.</summary>
    Failed,
    /// <summary>The declaration has neither a command nor a URL.</summary>
    Invalid,
}
