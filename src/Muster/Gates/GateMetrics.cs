using System.Globalization;
using Muster.Engine;
using Muster.Model;

namespace Muster.Gates;

/// <summary>Metrics summed over the agents that succeeded; an agent that did not finish verified nothing.</summary>
internal sealed class GateMetrics(RunOutcome outcome)
{
    private readonly List<AgentOutcome> _succeeded = outcome.Agents.Where(a => a.State == AgentState.Succeeded).ToList();

    /// <summary>The sum over agents that reported the metric, and who did; null when none did.</summary>
    public (double Sum, IReadOnlyList<string> Agents)? Sum(string metric)
    {
        var reporting = _succeeded.Where(a => a.Result.Metrics.ContainsKey(metric)).ToList();
        if (reporting.Count == 0) return null;
        return (reporting.Sum(a => a.Result.Metrics[metric]), reporting.Select(a => a.AgentId).ToList());
    }

    public IReadOnlyList<AgentOutcome> Reporting(string metric) =>
        _succeeded.Where(a => a.Result.Metrics.ContainsKey(metric)).ToList();

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
