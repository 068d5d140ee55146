using Muster.Agents;
using Muster.Engine.Plans;

namespace Muster.Runs.Config;

/// <summary>A run made ready from the repository's config: the plan to run and the suppression step to apply after it.</summary>
public sealed record PreparedRun(Plan Plan, RepoConfig Config, Suppressor Suppressor);

/// <summary>
/// Applies muster.yaml to a run before it starts, for every front end (CLI audit/run, MCP audit/run_plan): the plan
/// (given > muster.yaml's <c>plan:</c> > built-in), its agents' settings (muster.yaml's <c>agents:</c> win over the
/// plan's <c>with:</c>), <c>exclude:</c> for every agent that walks files, and the committed secrets baseline.
/// </summary>
public static class RepoPlan
{
    /// <param name="configFile"><c>--config</c>; null: muster.yaml found from <paramref name="root"/> upward to the git root.</param>
    /// <param name="plan">The plan the user named (<c>--plan</c>, <c>muster run PLAN</c>); null: muster.yaml's, else the built-in one.</param>
    /// <exception cref="RepoConfigException">muster.yaml or .musterignore has errors.</exception>
    /// <exception cref="PlanException">muster.yaml's plan has errors.</exception>
    public static PreparedRun Prepare(AgentRegistry registry, string root, string? configFile, Plan? plan, TimeProvider time)
    {
        var config = RepoConfigDiscovery.Load(root, configFile, registry);
        var suppressor = Suppressor.Load(config, time);
        var chosen = plan ?? (config.PlanFile is { } file ? new PlanParser(registry).ParseFile(file) : DefaultPlan.Build(registry));
        return new PreparedRun(Apply(chosen, config, root, registry), config, suppressor);
    }

    /// <summary>The config and suppressions alone, for a run whose plan is already fixed (a resumed run's, from the journal).</summary>
    public static (RepoConfig Config, Suppressor Suppressor) Load(AgentRegistry registry, string root, string? configFile, TimeProvider time)
    {
        var config = RepoConfigDiscovery.Load(root, configFile, registry);
        return (config, Suppressor.Load(config, time));
    }

    public static Plan Apply(Plan plan, RepoConfig config, string root, AgentRegistry registry)
    {
        var excludes = AgentExcludes(config, root);
        var baseline = File.Exists(config.BaselineFile) ? config.BaselineFile : null;
        var waves = plan.Waves.Select(w => w with
        {
            Agents = w.Agents.Select(a => a with { Settings = SettingsOf(a, config, excludes, baseline, registry) }).ToList(),
        }).ToList();
        return plan with { Waves = waves, Gates = config.Gates.ApplyTo(plan.Gates) };
    }

    private static AgentSettings SettingsOf(AgentSpec agent, RepoConfig config, IReadOnlyList<string> excludes, string? baseline, AgentRegistry registry)
    {
        IReadOnlyCollection<string> keys = registry.TryGet(agent.Kind, out var descriptor) ? descriptor!.SettingKeys ?? [] : [];
        var values = new Dictionary<string, object?>(agent.Settings.Values, StringComparer.Ordinal);
        if (config.AgentSettings.TryGetValue(agent.Kind, out var overrides))
        {
            foreach (var (key, value) in overrides) values[key] = value;
        }
        if (excludes.Count > 0 && keys.Contains("exclude"))
        {
            var own = values.TryGetValue("exclude", out var e) ? new AgentSettings(new Dictionary<string, object?> { ["exclude"] = e }).GetStringList("exclude") : [];
            values["exclude"] = own.Concat(excludes).Distinct(StringComparer.Ordinal).Cast<object?>().ToList();
        }
        if (baseline is not null && agent.Kind == "secrets" && !values.ContainsKey("baseline")) values["baseline"] = baseline;
        return new AgentSettings(values);
    }

    /// <summary>
    /// muster.yaml's globs as the agents see paths (relative to the audited root): a glob starting with <c>**/</c>
    /// applies anywhere; one under the root's folder loses that prefix; one elsewhere cannot match and is left to the
    /// after-run step, which matches every finding against the globs as written.
    /// </summary>
    private static List<string> AgentExcludes(RepoConfig config, string root)
    {
        var prefix = Path.GetRelativePath(config.Directory, Path.GetFullPath(root)).Replace('\\', '/');
        if (prefix == ".") return [.. config.Exclude];
        if (prefix.StartsWith("..", StringComparison.Ordinal)) return [.. config.Exclude.Where(g => g.StartsWith("**/", StringComparison.Ordinal))];
        return [.. config.Exclude.Select(g => g.StartsWith("**/", StringComparison.Ordinal) ? g
                : g.StartsWith(prefix + "/", StringComparison.Ordinal) ? g[(prefix.Length + 1)..] : null).OfType<string>()];
    }
}
