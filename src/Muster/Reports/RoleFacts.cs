using Muster.Engine;
using Muster.Model;

namespace Muster.Reports;

/// <summary>
/// Performance of a group of agents. Success rate = succeeded ÷ finished, where finished means succeeded, failed,
/// timed-out or cancelled: skipped and unfinished agents are outside the rate and reported on their own.
/// </summary>
internal sealed record RoleFacts
{
    /// <summary>The role, or null for the total over all agents.</summary>
    public AgentRole? Role { get; init; }

    public int Count { get; init; }
    public int Succeeded { get; init; }
    public int Finished { get; init; }

    /// <summary>Succeeded ÷ finished in [0, 1]; null when no agent finished.</summary>
    public double? SuccessRate => Finished > 0 ? (double)Succeeded / Finished : null;

    /// <summary>Mean duration of finished agents; null when none finished.</summary>
    public TimeSpan? AverageDuration { get; init; }

    public long OutputBytes { get; init; }
    public double? TokensIn { get; init; }
    public double? TokensOut { get; init; }
    public double? CostUsd { get; init; }

    public static bool IsFinished(AgentState state) =>
        state is AgentState.Succeeded or AgentState.Failed or AgentState.TimedOut or AgentState.Cancelled;

    public static RoleFacts Of(AgentRole? role, IReadOnlyList<AgentOutcome> agents)
    {
        var finished = agents.Where(a => IsFinished(a.State)).ToList();
        return new RoleFacts
        {
            Role = role,
            Count = agents.Count,
            Succeeded = agents.Count(a => a.State == AgentState.Succeeded),
            Finished = finished.Count,
            AverageDuration = finished.Count > 0
                ? TimeSpan.FromTicks((long)finished.Average(a => (double)a.Duration.Ticks))
                : null,
            OutputBytes = agents.Sum(a => a.OutputBytes),
            TokensIn = SumMetric(agents, RunFacts.TokensInMetric),
            TokensOut = SumMetric(agents, RunFacts.TokensOutMetric),
            CostUsd = SumMetric(agents, RunFacts.CostMetric),
        };
    }

    private static double? SumMetric(IReadOnlyList<AgentOutcome> agents, string metric)
    {
        double? sum = null;
        foreach (var agent in agents)
        {
            if (agent.Result.Metrics.TryGetValue(metric, out var value)) sum = (sum ?? 0) + value;
        }
        return sum;
    }
}
