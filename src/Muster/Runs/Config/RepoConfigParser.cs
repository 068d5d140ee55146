using Muster.Agents;
using Muster.Engine.Plans;
using Muster.Gates;
using Muster.Model;
using YamlDotNet.RepresentationModel;

namespace Muster.Runs.Config;

/// <summary>Reads muster.yaml; every problem is collected at file:line:column with the fix and a did-you-mean.</summary>
public sealed class RepoConfigParser(AgentRegistry registry)
{
    public static readonly string[] Keys = ["plan", "agents", "gates", "fail-on", "exclude", "ignore-file", "baseline"];

    public RepoConfig ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFullPath(path));

    /// <exception cref="RepoConfigException">The file has errors; all of them are listed.</exception>
    public RepoConfig Parse(string text, string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        var y = new YamlErrors(file);
        var root = y.LoadMapping(text, $"a {RepoConfig.FileName} is a mapping of settings", "start from the file 'muster init' writes");
        var config = RepoConfig.Defaults(directory) with { File = file };
        if (root is null) return Throw(y, config);
        // A key whose value is empty (every line under it commented out, as 'muster init' writes) is not given.
        var top = y.Keys(root, Keys, RepoConfig.FileName).Where(k => k.Value is not YamlScalarNode { Value: null or "", Style: YamlDotNet.Core.ScalarStyle.Plain })
            .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        if (top.TryGetValue("plan", out var plan) && y.Path(plan, "plan") is { } planPath)
        {
            var full = Path.GetFullPath(Path.Combine(directory, planPath));
            if (!File.Exists(full)) y.Error(plan, $"plan file '{planPath}' not found (looked for {full})", "the path is relative to muster.yaml; 'muster plan show > plan.yaml' writes the built-in plan to start from");
            config = config with { PlanFile = full };
        }
        if (top.TryGetValue("agents", out var agents)) config = config with { AgentSettings = ParseAgents(y, agents) };
        if (top.TryGetValue("gates", out var gates)) config = config with { Gates = ParseGates(y, gates) };
        if (top.TryGetValue("fail-on", out var failOn)) config = config with { FailOn = ParseFailOn(y, failOn) };
        if (top.TryGetValue("exclude", out var exclude)) config = config with { Exclude = y.StringList(exclude, "exclude", "write e.g. 'exclude: [\"vendor/**\", \"**/testdata/**\"]'") };
        if (top.TryGetValue("ignore-file", out var ignore) && y.Path(ignore, "ignore-file") is { } ignorePath)
            config = config with { IgnoreFile = Path.GetFullPath(Path.Combine(directory, ignorePath)) };
        if (top.TryGetValue("baseline", out var baseline) && y.Path(baseline, "baseline") is { } baselinePath)
            config = config with { BaselineFile = Path.GetFullPath(Path.Combine(directory, baselinePath)) };
        return Throw(y, config);
    }

    private static RepoConfig Throw(YamlErrors y, RepoConfig config) =>
        y.Errors.Count > 0 ? throw new RepoConfigException([.. y.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]) : config;

    private Dictionary<string, IReadOnlyDictionary<string, object?>> ParseAgents(YamlErrors y, YamlNode node)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            y.Error(node, "'agents' must be a mapping of agent kind to its settings", "write e.g. 'agents: {secrets: {exclude: [\"fixtures/**\"]}}'");
            return result;
        }
        var kinds = registry.Kinds.ToList();
        foreach (var (kind, value) in y.Keys(map, kinds, "agents block", "known kinds"))
        {
            registry.TryGet(kind, out var descriptor);
            if (value is not YamlMappingNode with)
            {
                y.Error(value, $"the settings of '{kind}' must be a mapping", $"write e.g. '{kind}: {{{descriptor?.SettingKeys?.FirstOrDefault() ?? "key"}: value}}'");
                continue;
            }
            // A kind without a list of settings takes any.
            var known = descriptor?.SettingKeys ?? with.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
            var keys = y.Keys(with, known, $"'{kind}' settings", "known settings");
            var settings = keys.ToDictionary(k => k.Key, k => PlanParser.ToValue(k.Value), StringComparer.Ordinal);
            if (descriptor?.ValidateSettings is { } validate)
            {
                try
                {
                    validate(new AgentSettings(settings));
                }
                // A missing setting is the plan's to give: these overrides are merged into it.
                catch (AgentSettingsException e) when (e.Missing)
                {
                }
                catch (AgentSettingsException e)
                {
                    var at = e.Key?.Split('.')[0] is { } key && keys.TryGetValue(key, out var bad) ? bad : with;
                    y.Error(at, e.Message, $"fix the value of '{e.Key ?? kind}' ('muster agents' lists each kind's settings)");
                }
            }
            result[kind] = settings;
        }
        return result;
    }

    private static GateModeOverrides ParseGates(YamlErrors y, YamlNode node)
    {
        var overrides = new List<GateModeOverride>();
        if (node is not YamlMappingNode map)
        {
            y.Error(node, "'gates' must be a mapping of gate name to fail, warn or off", "write e.g. 'gates: {type-check: off, documentation: warn}'");
            return GateModeOverrides.None;
        }
        foreach (var (name, value) in y.Keys(map, GateNames.Ids, "gates block", "known gates"))
        {
            var text = y.Scalar(value, name)?.Trim();
            if (GateModeText.TryParse(text, out var mode)) overrides.Add(new GateModeOverride(name, mode, GateModeOrigin.RepoConfig));
            else if (value is YamlScalarNode)
            {
                var close = Suggest.Closest(text ?? "", ["fail", "warn", "off"]);
                y.Error(value, $"gate '{name}' must be {GateModeText.Choices}, not '{text}'",
                    (close is null ? "" : $"did you mean '{close}'? ") + $"write '{name}: warn' to report it without failing the run (tune a gate's settings in the plan)");
            }
        }
        return new GateModeOverrides(overrides);
    }

    private static FailOnSetting? ParseFailOn(YamlErrors y, YamlNode node)
    {
        var text = y.Scalar(node, "fail-on")?.Trim();
        if (text is null) return null;
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return new FailOnSetting(null);
        if (SeverityText.TryParse(text, out var severity)) return new FailOnSetting(severity);
        var close = Suggest.Closest(text, ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO", "none"]);
        y.Error(node, $"'fail-on' must be CRITICAL, HIGH, MEDIUM, LOW, INFO or none, not '{text}'", close is null ? "write e.g. 'fail-on: HIGH'" : $"did you mean '{close}'?");
        return null;
    }
}
