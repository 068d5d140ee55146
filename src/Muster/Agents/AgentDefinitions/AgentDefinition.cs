namespace Muster.Agents.AgentDefinitions;

/// <summary>
/// One agent (or command, or task) a workspace defines, with where: Claude Code <c>.claude/agents/*.md</c> and
/// <c>.claude/commands/*.md</c>, CrewAI <c>agents.yaml</c>/<c>tasks.yaml</c>, Muster plans.
/// </summary>
public sealed record AgentDefinition
{
    public required string Source { get; init; }
    public required string Name { get; init; }
    public required string Path { get; init; }
    public int Line { get; init; } = 1;
    public string? Role { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tools { get; init; } = [];
    public int ToolsLine { get; init; } = 1;
    public string? Model { get; init; }
    public int ModelLine { get; init; } = 1;

    /// <summary>Agents count towards a document's agent claims; commands and tasks do not.</summary>
    public bool IsAgent => Source is ClaudeAgent or CrewAiAgent or MusterPlanAgent;

    public const string ClaudeAgent = "claude-code agent";
    public const string ClaudeCommand = "claude-code command";
    public const string CrewAiAgent = "crewai agent";
    public const string CrewAiTask = "crewai task";
    public const string MusterPlanAgent = "muster plan agent";
}
