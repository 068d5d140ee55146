namespace Muster.Agents.AgentDefinitions;

/// <summary>
/// The tools an agent definition may name: Claude Code's built-in tools, <c>mcp__SERVER__TOOL</c> for an MCP server the
/// workspace configures, and (for CrewAI) any tool name, since CrewAI tools are Python classes Muster cannot resolve.
/// </summary>
internal static class KnownTools
{
    public static readonly IReadOnlySet<string> ClaudeCodeBuiltIns = new HashSet<string>(StringComparer.Ordinal)
    {
        "Agent", "Bash", "BashOutput", "Edit", "ExitPlanMode", "Glob", "Grep", "KillBash", "KillShell", "LS", "ListMcpResourcesTool",
        "MultiEdit", "NotebookEdit", "NotebookRead", "Read", "ReadMcpResourceTool", "SlashCommand", "Skill", "Task", "TodoRead",
        "TodoWrite", "WebFetch", "WebSearch", "Write",
    };

    /// <summary>Why <paramref name="tool"/> is not provided, or null when something provides it.</summary>
    public static string? Unprovided(string tool, IReadOnlySet<string> mcpServers)
    {
        // Permission patterns name the tool before the parenthesis: Bash(git:*), Read(./src/**).
        var bare = tool.Split('(', 2)[0].Trim();
        if (bare.Length == 0 || bare == "*") return null;
        if (bare.StartsWith("mcp__", StringComparison.Ordinal))
        {
            var parts = bare["mcp__".Length..].Split("__", 2);
            return mcpServers.Contains(parts[0])
                ? null
                : $"'{tool}' needs an MCP server named '{parts[0]}', which no MCP configuration in the workspace declares";
        }
        return ClaudeCodeBuiltIns.Contains(bare) ? null : $"'{tool}' is neither a Claude Code tool nor an MCP tool (mcp__SERVER__TOOL)";
    }
}
