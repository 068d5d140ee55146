using Muster.Agents;
using Muster.Model;

namespace Muster.Engine;

/// <summary>
/// An agent that finished before the secrets agent of its wave was stamped before the run knew that agent's values:
/// at the end of the run every agent's result passes through the run's scrubber once more, and the agents whose text
/// changed are returned so the journal can overwrite their rows.
/// </summary>
internal static class LateSecretRescrub
{
    public static (RunOutcome Outcome, IReadOnlyList<AgentOutcome> Changed) Apply(RunOutcome outcome, KnownSecretsScrubber scrubber)
    {
        if (scrubber.Count == 0) return (outcome, []);
        var changed = new List<AgentOutcome>();
        var agents = outcome.Agents.Select(agent =>
        {
            var again = agent with
            {
                Result = InProcessAgentExecutor.Stamp(agent.Result, agent.AgentId, scrubber),
                Error = agent.Error is null ? null : scrubber.Scrub(agent.Error),
            };
            if (!Differs(agent, again)) return agent;
            changed.Add(again);
            return again;
        }).ToList();
        return changed.Count == 0 ? (outcome, []) : (outcome with { Agents = agents }, changed);
    }

    private static bool Differs(AgentOutcome before, AgentOutcome after) =>
        before.Error != after.Error
        || before.Result.Summary != after.Result.Summary
        || before.Result.Artifacts.Zip(after.Result.Artifacts).Any(p => p.First.Content != p.Second.Content)
        || before.Result.Findings.Zip(after.Result.Findings).Any(p => Differs(p.First, p.Second));

    private static bool Differs(Finding a, Finding b) =>
        a.Title != b.Title || a.Message != b.Message || a.Evidence != b.Evidence || a.Remediation != b.Remediation
        || a.Properties.Any(p => !b.Properties.TryGetValue(p.Key, out var v) || v != p.Value);
}
