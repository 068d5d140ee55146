using System.Collections.Concurrent;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Cluster.Wire;
using Muster.Engine.Plans;
using Muster.Runs;

namespace Muster.Cluster.Worker;

/// <summary>
/// The rules an attempt's results are scrubbed with on the worker, before they cross the wire: the built-in ones, the
/// run's user rule files as the coordinator read them (<see cref="AttemptRequest.UserRules"/>), and the rule file the
/// agent itself names under its root here (a <c>root:</c> of this worker the coordinator cannot read).
/// </summary>
internal static class WorkerRules
{
    /// <exception cref="AgentSettingsException">A rule file the coordinator sent is not valid.</exception>
    public static ISecretScrubber For(AttemptRequest request, AgentSpec spec, string root, ISecretScrubber builtIn, RunServices run)
    {
        var texts = request.UserRules.Concat(OwnRules(spec, root)).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count == 0) return builtIn;
        // Compiled once per run and rule set: a run's attempts all send the same files.
        return run.GetOrAdd(() => new Compiled()).GetOrAdd(string.Join('\0', texts), _ =>
            RunScrubber.Combine([.. texts.Select((text, i) => RuleBasedSecretScrubber.FromUserRules(text, $"rule file {i + 1} of run {request.RunId}"))], builtIn));
    }

    // One the agent cannot read fails it, which says why; the other rules still apply.
    private static IEnumerable<string> OwnRules(AgentSpec spec, string root)
    {
        foreach (var path in RunScrubber.AgentRuleFiles([spec], root))
        {
            string? text;
            try
            {
                text = SecretRuleSet.ReadUserFile(path);
            }
            catch (AgentSettingsException)
            {
                text = null;
            }
            if (text is not null) yield return text;
        }
    }

    private sealed class Compiled() : ConcurrentDictionary<string, ISecretScrubber>(StringComparer.Ordinal);
}
