namespace Muster.Engine.Plans;

/// <summary>A wave: agents that run in parallel, and the criteria that decide whether the next wave starts.</summary>
public sealed record WavePlan
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<AgentSpec> Agents { get; init; }
    public IReadOnlyList<ExitCriterion> Exit { get; init; } = [];

    /// <summary>When true a failed criterion is reported but the run goes on (<c>on-fail: continue</c>).</summary>
    public bool ContinueOnFail { get; init; }
}
