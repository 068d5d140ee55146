using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Engine.Plans;

namespace Muster.Runs;

/// <summary>
/// The second-line scrubber of a run (other agents' text, logs, the journal, reports): the built-in secret rules plus
/// every rule file the run's secrets agents use, so a user's rule also redacts what the secrets agent never scans.
/// </summary>
public static class RunScrubber
{
    /// <summary>The secrets agent's setting and the run parameter (<c>--set rules=FILE</c>) naming a user rule file.</summary>
    public const string RulesKey = "rules";

    /// <param name="builtIn">The scrubber to use when the run names no rule file.</param>
    public static ISecretScrubber For(Plan? plan, string root, IReadOnlyDictionary<string, string> parameters, ISecretScrubber builtIn)
    {
        var scrubbers = RuleFiles(plan, root, parameters).Select(Load).OfType<ISecretScrubber>().ToList();
        return Combine(scrubbers, builtIn);
    }

    /// <summary>One scrubber applying each of <paramref name="scrubbers"/> (each holds the built-in rules); none: <paramref name="builtIn"/>.</summary>
    public static ISecretScrubber Combine(IReadOnlyList<ISecretScrubber> scrubbers, ISecretScrubber builtIn) => scrubbers.Count switch
    {
        0 => builtIn,
        1 => scrubbers[0],
        _ => new ChainedScrubber(scrubbers),
    };

    /// <summary>The plan's <c>rules:</c> is relative to the audited root, the run parameter to the working folder (as the secrets agent reads them).</summary>
    public static IReadOnlyList<string> RuleFiles(Plan? plan, string root, IReadOnlyDictionary<string, string> parameters)
    {
        var fromRun = parameters.TryGetValue(RulesKey, out var path) ? [Path.GetFullPath(path)] : Array.Empty<string>();
        return AgentRuleFiles(plan?.AllAgents ?? [], root).Concat(fromRun).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The rule files the secrets agents among <paramref name="agents"/> name, relative to <paramref name="root"/>.</summary>
    public static IEnumerable<string> AgentRuleFiles(IEnumerable<AgentSpec> agents, string root) =>
        agents.Where(a => a.Kind == "secrets")
            .Select(a => a.Settings.Values.GetValueOrDefault(RulesKey) as string).OfType<string>()
            .Select(rules => Path.GetFullPath(Path.Combine(root, rules)));

    // A file that cannot be read or parsed fails the secrets agent, which says why; the run keeps the built-in rules for it.
    private static RuleBasedSecretScrubber? Load(string path)
    {
        try
        {
            return new RuleBasedSecretScrubber(path);
        }
        catch (AgentSettingsException)
        {
            return null;
        }
    }

    private sealed class ChainedScrubber(IReadOnlyList<ISecretScrubber> scrubbers) : ISecretScrubber
    {
        public string Scrub(string text) => scrubbers.Aggregate(text, (current, scrubber) => scrubber.Scrub(current));

        public IReadOnlyList<string> UserRules { get; } = [.. scrubbers.SelectMany(s => s.UserRules)];
    }
}
