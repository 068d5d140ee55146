using System.Globalization;
using Muster.Agents;
using Muster.Formats;
using Muster.Formats.Yaml;
using Muster.Gates;
using Muster.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Muster.Engine.Plans;

/// <summary>
/// Reads a plan and validates all of it before anything runs: every problem is collected with file:line:column and the
/// fix, so a bad plan never starts a run.
/// </summary>
public sealed partial class PlanParser(AgentRegistry registry)
{
    private static readonly string[] TopKeys = ["name", "description", "max-parallel", "budget", "owners", "gates", "waves"];
    private static readonly string[] WaveKeys = ["name", "agents", "exit", "on-fail", "on"];
    private static readonly string[] AgentKeys = ["id", "kind", "role", "with", "timeout", "retries", "retry-backoff", "on", "root"];
    private static readonly string[] CriterionKeys = ["all-succeeded", "min-success-rate", "max-findings", "agents-done"];

    public Plan ParseFile(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="PlanException">The plan has errors; all of them are listed.</exception>
    public Plan Parse(string text, string file)
    {
        var errors = new List<PlanError>();
        var plan = TryParse(text, file, errors);
        if (errors.Count > 0 || plan is null) throw new PlanException(errors);
        return plan;
    }

    private Plan? TryParse(string text, string file, List<PlanError> errors)
    {
        var ctx = new Ctx(file, errors);
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlLimitException e)
        {
            errors.Add(new PlanError(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), e.Reason,
                "flatten the plan or remove the aliases that multiply it (see docs/input-limits.md)"));
            return null;
        }
        catch (YamlException e)
        {
            errors.Add(new PlanError(file, (int)e.Start.Line, (int)e.Start.Column, "not valid YAML: " + Clean(e.Message),
                "check indentation and quoting at this point"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PlanError(file, 1, 1, "a plan is a mapping with 'name:' and 'waves:'", "start with 'name: my-plan' and 'waves:'"));
            return null;
        }

        var top = ctx.Keys(root, TopKeys, "plan");
        var name = top.TryGetValue("name", out var n) ? ctx.Scalar(n, "name") ?? "plan" : Path.GetFileNameWithoutExtension(file);
        int? maxParallel = top.TryGetValue("max-parallel", out var mp) ? ctx.Int(mp, "max-parallel", min: 1) : null;
        decimal? budget = top.TryGetValue("budget", out var b) ? ParseBudget(ctx, b) : null;

        var owners = top.TryGetValue("owners", out var o) ? ParseOwners(ctx, o) : [];
        var gates = top.TryGetValue("gates", out var g) ? ParseGates(ctx, g) : GateSettings.Default;

        var waves = new List<WavePlan>();
        var seenIds = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (!top.TryGetValue("waves", out var wavesNode))
        {
            ctx.Error(root, "the plan has no 'waves:'", "add 'waves:' with at least one wave holding 'name:' and 'agents:'");
        }
        else if (wavesNode is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            ctx.Error(wavesNode, "'waves' must be a non-empty list", "write each wave as '- name: ...' under 'waves:'");
        }
        else
        {
            foreach (var waveNode in seq.Children)
            {
                var wave = ParseWave(ctx, waveNode, waves.Count, seenIds);
                if (wave is not null) waves.Add(wave);
            }
        }
        return errors.Count > 0 ? null : new Plan
        {
            Name = name,
            Waves = waves,
            Source = file,
            Text = text,
            MaxParallel = maxParallel,
            BudgetUsd = budget,
            Owners = owners,
            Gates = gates,
        };
    }

    private static List<OwnerRule> ParseOwners(Ctx ctx, YamlNode node)
    {
        var rules = new List<OwnerRule>();
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "'owners' must be a mapping of category or path glob to owner", "write e.g. 'owners: {security: \"@sec-team\", \"services/api/**\": \"@backend\"}'");
            return rules;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ctx.Scalar(keyNode, "owners key");
            var owner = ctx.Scalar(value, $"owners.{key}");
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(owner))
            {
                ctx.Error(string.IsNullOrWhiteSpace(key) ? keyNode : value, "each owners entry needs a category or path glob and an owner", "write e.g. 'security: \"@sec-team\"'");
                continue;
            }
            rules.Add(new OwnerRule(key.Trim(), owner.Trim()));
        }
        return rules;
    }

    private static GateSettings ParseGates(Ctx ctx, YamlNode node)
    {
        var gates = GateSettings.Default;
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "'gates' must be a mapping of gate name to fail, warn, off or its settings", "write e.g. 'gates: {type-check: off, documentation: warn, tests: {min-pass-rate: 95%}}'");
            return gates;
        }
        foreach (var (name, value) in ctx.Keys(map, GateNames.Ids, "gates"))
        {
            var (mode, settings) = GateSwitch(ctx, value, name);
            gates = gates.WithMode(name, mode, GateModeOrigin.Plan);
            switch (name)
            {
                case GateNames.Security:
                    if (settings?.TryGetValue("severity", out var s) == true)
                        gates = gates with { SecuritySeverity = GateSeverity(ctx, s, gates.SecuritySeverity) };
                    break;
                case GateNames.TypeCheck:
                    if (settings?.TryGetValue("max-errors", out var m) == true)
                        gates = gates with { MaxTypeErrors = ctx.Int(m, "max-errors", min: 0) ?? 0 };
                    break;
                case GateNames.Tests:
                    if (settings?.TryGetValue("min-pass-rate", out var rate) == true) gates = gates with { MinPassRate = Rate(ctx, rate) ?? 1.0 };
                    if (settings?.TryGetValue("allow-skipped", out var allow) == true) gates = gates with { AllowSkipped = Switch(ctx, allow, "allow-skipped") ?? false };
                    break;
                case GateNames.Verification:
                    if (settings?.TryGetValue("severity", out var v) == true)
                        gates = gates with { VerificationSeverity = GateSeverity(ctx, v, gates.VerificationSeverity) };
                    break;
            }
        }
        return gates;
    }

    private static readonly Dictionary<string, string[]> GateSettingKeys = new(StringComparer.Ordinal)
    {
        [GateNames.Security] = ["severity"],
        [GateNames.TypeCheck] = ["max-errors"],
        [GateNames.Tests] = ["min-pass-rate", "allow-skipped"],
        [GateNames.Documentation] = [],
        [GateNames.Verification] = ["severity"],
    };

    /// <summary>
    /// A gate is a mode (fail/on/true, warn, off/false), or a mapping of its settings with an optional <c>mode</c>
    /// (fail when absent).
    /// </summary>
    private static (GateMode Mode, Dictionary<string, YamlNode>? Settings) GateSwitch(Ctx ctx, YamlNode node, string name)
    {
        if (node is YamlMappingNode map)
        {
            var settings = ctx.Keys(map, [.. GateSettingKeys[name], "mode"], $"{name} gate");
            var mode = settings.TryGetValue("mode", out var m) ? GateModeOf(ctx, m, $"{name}.mode") : GateMode.Fail;
            return (mode, settings);
        }
        return (GateModeOf(ctx, node, name), null);
    }

    private static GateMode GateModeOf(Ctx ctx, YamlNode node, string what)
    {
        var text = ctx.Scalar(node, what)?.Trim().ToLowerInvariant();
        if (GateModeText.TryParse(text, out var mode)) return mode;
        switch (text)
        {
            case "true" or "yes": return GateMode.Fail;
            case "false" or "no": return GateMode.Off;
        }
        if (node is YamlScalarNode) ctx.Error(node, $"'{what}' must be {GateModeText.Choices} (or on), not '{text}'", $"write '{what}: warn' to report it without failing the run");
        return GateMode.Fail;
    }

    private static bool? Switch(Ctx ctx, YamlNode node, string what)
    {
        switch (ctx.Scalar(node, what)?.Trim().ToLowerInvariant())
        {
            case "on" or "true" or "yes": return true;
            case "off" or "false" or "no": return false;
            case var other:
                if (node is YamlScalarNode) ctx.Error(node, $"'{what}' must be on or off, not '{other}'", $"write '{what}: off' to turn it off");
                return null;
        }
    }

    private static Severity GateSeverity(Ctx ctx, YamlNode node, Severity fallback)
    {
        var text = ctx.Scalar(node, "severity");
        if (SeverityText.TryParse(text, out var severity)) return severity;
        ctx.Error(node, $"unknown severity '{text}'", "use CRITICAL, HIGH, MEDIUM, LOW or INFO");
        return fallback;
    }

    private static double? Rate(Ctx ctx, YamlNode node)
    {
        var text = ctx.Scalar(node, "min-pass-rate")?.Trim();
        var percent = text?.EndsWith('%') == true;
        if (text is not null && double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            && (percent ? rate / 100 : rate) is var r and >= 0 and <= 1)
        {
            return r;
        }
        ctx.Error(node, $"'min-pass-rate' must be between 0 and 1, not '{text}'", "write e.g. 'min-pass-rate: 0.95' (or 95%)");
        return null;
    }

    private static decimal? ParseBudget(Ctx ctx, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "'budget' must be a mapping", "write 'budget: {usd: 5}'");
            return null;
        }
        var keys = ctx.Keys(map, ["usd"], "budget");
        if (!keys.TryGetValue("usd", out var usd)) return null;
        var text = ctx.Scalar(usd, "budget.usd");
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0) return value;
        ctx.Error(usd, $"'budget.usd' must be a non-negative number, not '{text}'", "write e.g. 'usd: 5'");
        return null;
    }

    private WavePlan? ParseWave(Ctx ctx, YamlNode node, int index, Dictionary<string, YamlNode> seenIds)
    {
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "a wave must be a mapping", "write '- name: Wave 1' followed by 'agents:'");
            return null;
        }
        var keys = ctx.Keys(map, WaveKeys, "wave");
        var name = keys.TryGetValue("name", out var n) ? ctx.Scalar(n, "name") : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            ctx.Error(map, "the wave has no 'name:'", $"add 'name: Wave {index + 1}'");
            name = $"Wave {index + 1}";
        }

        var waveOn = keys.TryGetValue("on", out var waveOnNode) ? ParseOn(ctx, waveOnNode, "wave") : null;
        var agents = new List<AgentSpec>();
        if (!keys.TryGetValue("agents", out var agentsNode))
        {
            ctx.Error(map, $"wave '{name}' has no 'agents:'", "add 'agents:' with at least one '- id: ... kind: ...'");
        }
        else if (agentsNode is not YamlSequenceNode agentSeq || agentSeq.Children.Count == 0)
        {
            ctx.Error(agentsNode, $"'agents' of wave '{name}' must be a non-empty list", "write each agent as '- id: my-agent' with 'kind:'");
        }
        else
        {
            foreach (var agentNode in agentSeq.Children)
            {
                var agent = ParseAgent(ctx, agentNode, seenIds, waveOn);
                if (agent is not null) agents.Add(agent);
            }
        }

        var continueOnFail = false;
        if (keys.TryGetValue("on-fail", out var onFail))
        {
            switch (ctx.Scalar(onFail, "on-fail"))
            {
                case "stop": break;
                case "continue": continueOnFail = true; break;
                case var other:
                    ctx.Error(onFail, $"'on-fail' must be 'stop' or 'continue', not '{other}'", "write 'on-fail: continue' to go on after a failed criterion");
                    break;
            }
        }

        var exit = keys.TryGetValue("exit", out var exitNode) ? ParseExit(ctx, exitNode, seenIds) : [];
        return new WavePlan { Index = index, Name = name, Agents = agents, Exit = exit, ContinueOnFail = continueOnFail };
    }

    private AgentSpec? ParseAgent(Ctx ctx, YamlNode node, Dictionary<string, YamlNode> seenIds, IReadOnlyDictionary<string, string>? waveOn)
    {
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "an agent must be a mapping", "write '- id: secrets' and 'kind: secrets' on the next line");
            return null;
        }
        var keys = ctx.Keys(map, AgentKeys, "agent");
        var id = keys.TryGetValue("id", out var idNode) ? ctx.Scalar(idNode, "id") : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            ctx.Error(map, "the agent has no 'id:'", "add a unique 'id:' such as 'id: secrets-scan'");
            return null;
        }
        if (!IsValidId(id))
        {
            ctx.Error(idNode!, $"agent id '{id}' may hold only letters, digits, '.', '_' and '-'", "rename it, e.g. 'id: secrets-scan'");
        }
        if (seenIds.TryGetValue(id, out var first))
        {
            ctx.Error(idNode!, $"duplicate agent id '{id}' (first declared at line {first.Start.Line})", "give each agent its own id");
        }
        else
        {
            seenIds[id] = idNode!;
        }

        AgentDescriptor? descriptor = null;
        var kind = keys.TryGetValue("kind", out var kindNode) ? ctx.Scalar(kindNode, "kind") : null;
        if (string.IsNullOrWhiteSpace(kind))
        {
            ctx.Error(map, $"agent '{id}' has no 'kind:'", "add 'kind:' with one of: " + string.Join(", ", registry.Kinds));
        }
        else if (!registry.TryGet(kind, out descriptor))
        {
            var hint = Suggest.Closest(kind, registry.Kinds) is { } close ? $"did you mean '{close}'? " : "";
            ctx.Error(kindNode!, $"unknown agent kind '{kind}'", hint + "known kinds: " + string.Join(", ", registry.Kinds));
        }

        var role = descriptor?.DefaultRole ?? AgentRole.Scanner;
        if (keys.TryGetValue("role", out var roleNode))
        {
            var text = ctx.Scalar(roleNode, "role");
            if (!Enum.TryParse(text, ignoreCase: true, out role) || int.TryParse(text, out _))
            {
                ctx.Error(roleNode, $"unknown role '{text}'", "use one of: research, scanner, analysis, verification");
            }
        }

        var settings = AgentSettings.Empty;
        if (keys.TryGetValue("with", out var withNode))
        {
            if (withNode is YamlMappingNode withMap)
            {
                settings = new AgentSettings((IReadOnlyDictionary<string, object?>)ToValue(withMap)!);
                if (descriptor?.SettingKeys is { } allowed)
                {
                    foreach (var (k, _) in withMap.Children)
                    {
                        var keyText = ((YamlScalarNode)k).Value ?? "";
                        if (!allowed.Contains(keyText))
                        {
                            var close = Suggest.Closest(keyText, allowed);
                            var known = allowed.Count == 0 ? "this kind takes no settings" : "known settings: " + string.Join(", ", allowed);
                            ctx.Error(k, $"unknown setting '{keyText}' for kind '{kind}'", (close is null ? "" : $"did you mean '{close}'? ") + known);
                        }
                    }
                }
                ValidateSettings(ctx, descriptor, settings, withMap);
            }
            else if (withNode is not YamlScalarNode { Value: null or "" })
            {
                ctx.Error(withNode, "'with' must be a mapping of settings", "write settings as 'key: value' lines under 'with:'");
            }
        }

        var soft = descriptor?.SoftTimeout ?? TimeSpan.FromMinutes(2);
        var hard = descriptor?.HardTimeout ?? TimeSpan.FromMinutes(15);
        if (keys.TryGetValue("timeout", out var timeoutNode))
        {
            (soft, hard) = ParseTimeout(ctx, timeoutNode, soft, hard);
        }
        var retries = keys.TryGetValue("retries", out var retriesNode) ? ctx.Int(retriesNode, "retries", min: 0) ?? 0 : 0;
        var backoff = keys.TryGetValue("retry-backoff", out var backoffNode) ? ctx.Duration(backoffNode, "retry-backoff") ?? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1);

        return new AgentSpec
        {
            Id = id,
            Kind = kind ?? "",
            Role = role,
            Settings = settings,
            SoftTimeout = soft,
            HardTimeout = hard,
            Retries = retries,
            RetryBackoff = backoff,
            // The agent's on: wins whole over its wave's: a wave default, an agent exception.
            On = (keys.TryGetValue("on", out var onNode) ? ParseOn(ctx, onNode, "agent") : null) ?? waveOn ?? new Dictionary<string, string>(),
            RootName = keys.TryGetValue("root", out var rootNode) ? ParseRootName(ctx, rootNode) : null,
        };
    }

    private static void ValidateSettings(Ctx ctx, AgentDescriptor? descriptor, AgentSettings settings, YamlMappingNode withMap)
    {
        if (descriptor?.ValidateSettings is not { } validate) return;
        try
        {
            validate(settings);
        }
        catch (AgentSettingsException e)
        {
            var key = e.Key?.Split('.')[0];
            var node = withMap.Children.FirstOrDefault(c => ((YamlScalarNode)c.Key).Value == key);
            var fix = e.Missing ? "add it under 'with:'" : $"fix the value of '{key ?? "with"}' under 'with:'";
            ctx.Error(node.Value ?? withMap, e.Message, fix + " ('muster agents' lists each kind's settings)");
        }
    }

    private static (TimeSpan Soft, TimeSpan Hard) ParseTimeout(Ctx ctx, YamlNode node, TimeSpan soft, TimeSpan hard)
    {
        if (node is YamlScalarNode)
        {
            var only = ctx.Duration(node, "timeout") ?? hard;
            return (only < soft ? only : soft, only);
        }
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "'timeout' must be a duration or {soft, hard}", "write 'timeout: {soft: 2m, hard: 10m}'");
            return (soft, hard);
        }
        var keys = ctx.Keys(map, ["soft", "hard"], "timeout");
        var valid = true;
        if (keys.TryGetValue("soft", out var s)) soft = ctx.Duration(s, "timeout.soft") is { } sd ? sd : Invalid(ref valid, soft);
        if (keys.TryGetValue("hard", out var h)) hard = ctx.Duration(h, "timeout.hard") is { } hd ? hd : Invalid(ref valid, hard);
        if (valid && soft > hard)
        {
            ctx.Error(map, $"soft timeout {DurationText.Format(soft)} is longer than hard timeout {DurationText.Format(hard)}",
                "the soft timeout marks an agent overdue before the hard one cancels it: make soft ≤ hard");
        }
        return (soft, hard);
    }

    private static TimeSpan Invalid(ref bool valid, TimeSpan fallback)
    {
        valid = false;
        return fallback;
    }

    private static IReadOnlyList<ExitCriterion> ParseExit(Ctx ctx, YamlNode node, Dictionary<string, YamlNode> seenIds)
    {
        var items = new List<(string Key, YamlNode KeyNode, YamlNode? Value)>();
        switch (node)
        {
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode scalar) items.Add((scalar.Value ?? "", scalar, null));
                    else if (item is YamlMappingNode m && m.Children.Count == 1)
                    {
                        var (k, v) = m.Children.First();
                        items.Add((((YamlScalarNode)k).Value ?? "", k, v));
                    }
                    else ctx.Error(item, "each exit criterion is a name or a single 'name: value'", "e.g. '- all-succeeded' or '- min-success-rate: 0.9'");
                }
                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children) items.Add((((YamlScalarNode)k).Value ?? "", k, v));
                break;
            default:
                ctx.Error(node, "'exit' must be a list of criteria", "e.g. 'exit: [all-succeeded]'");
                return [];
        }

        var criteria = new List<ExitCriterion>();
        foreach (var (key, keyNode, value) in items)
        {
            switch (key)
            {
                case "all-succeeded":
                    if (value is null || ctx.Scalar(value, key) is "true" or "yes") criteria.Add(new AllSucceeded());
                    break;
                case "min-success-rate":
                    var rateText = value is null ? null : ctx.Scalar(value, key)?.Trim();
                    var percent = rateText?.EndsWith('%') == true;
                    if (rateText is not null && double.TryParse(percent ? rateText[..^1] : rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                        && (percent ? rate / 100 : rate) is var r and >= 0 and <= 1)
                    {
                        criteria.Add(new MinSuccessRate(r));
                    }
                    else
                    {
                        ctx.Error(value ?? keyNode, $"'min-success-rate' must be between 0 and 1, not '{rateText}'", "write e.g. 'min-success-rate: 0.9' (or 90%)");
                    }
                    break;
                case "max-findings":
                    if (ParseMaxFindings(ctx, value ?? keyNode) is { } mf) criteria.Add(mf);
                    break;
                case "agents-done":
                    var ids = value is YamlSequenceNode idSeq ? idSeq.Children.Select(c => (Node: c, Id: ctx.Scalar(c, key) ?? "")).ToList()
                        : value is YamlScalarNode one ? [(one, one.Value ?? "")] : null;
                    if (ids is null || ids.Count == 0)
                    {
                        ctx.Error(value ?? keyNode, "'agents-done' needs a list of agent ids", "write 'agents-done: [secrets, config]'");
                        break;
                    }
                    foreach (var (idNode, id) in ids.Where(i => !seenIds.ContainsKey(i.Id)))
                    {
                        ctx.Error(idNode, $"'agents-done' names '{id}', which is not an agent of this or an earlier wave",
                            "known ids: " + string.Join(", ", seenIds.Keys));
                    }
                    criteria.Add(new AgentsDone(ids.Select(i => i.Id).ToList()));
                    break;
                default:
                    var close = Suggest.Closest(key, CriterionKeys);
                    ctx.Error(keyNode, $"unknown exit criterion '{key}'",
                        (close is null ? "" : $"did you mean '{close}'? ") + "known criteria: " + string.Join(", ", CriterionKeys));
                    break;
            }
        }
        return criteria;
    }

    private static MaxFindings? ParseMaxFindings(Ctx ctx, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node, "'max-findings' needs a severity and a count", "write 'max-findings: {severity: CRITICAL, count: 0}'");
            return null;
        }
        var keys = ctx.Keys(map, ["severity", "count"], "max-findings");
        var severity = Severity.Critical;
        if (keys.TryGetValue("severity", out var sev) && !SeverityText.TryParse(ctx.Scalar(sev, "severity"), out severity))
        {
            ctx.Error(sev, $"unknown severity '{ctx.Scalar(sev, "severity")}'", "use CRITICAL, HIGH, MEDIUM, LOW or INFO");
        }
        var count = keys.TryGetValue("count", out var c) ? ctx.Int(c, "count", min: 0) ?? 0 : 0;
        return new MaxFindings(severity, count);
    }

    private static bool IsValidId(string id) => id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-');

    /// <summary>YAML → plain values: scalars as strings, sequences as lists, mappings as dictionaries.</summary>
    internal static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(ToValue).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => ToValue(kv.Value), StringComparer.Ordinal)
            .AsReadOnly() as IReadOnlyDictionary<string, object?>,
        _ => null,
    };

    private static string Clean(string message) => message.Replace('\n', ' ').Trim();

    private sealed class Ctx(string file, List<PlanError> errors)
    {
        public void Error(YamlNode node, string message, string? fix = null) =>
            errors.Add(new PlanError(file, (int)node.Start.Line, (int)node.Start.Column, message, fix));

        /// <summary>The mapping's keys, with unknown and duplicate keys reported.</summary>
        public Dictionary<string, YamlNode> Keys(YamlMappingNode map, IReadOnlyList<string> known, string what)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key })
                {
                    Error(keyNode, $"keys of a {what} must be plain names");
                    continue;
                }
                if (!known.Contains(key))
                {
                    var close = Suggest.Closest(key, known);
                    Error(keyNode, $"unknown key '{key}' in {what}",
                        (close is null ? "" : $"did you mean '{close}'? ") + "known keys: " + string.Join(", ", known));
                    continue;
                }
                if (!result.TryAdd(key, value)) Error(keyNode, $"'{key}' is given twice in this {what}", "keep one");
            }
            return result;
        }

        public string? Scalar(YamlNode node, string what)
        {
            if (node is YamlScalarNode s) return s.Value;
            Error(node, $"'{what}' must be a single value, not a list or mapping");
            return null;
        }

        public int? Int(YamlNode node, string what, int min)
        {
            var text = Scalar(node, what);
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min) return value;
            Error(node, $"'{what}' must be a whole number ≥ {min}, not '{text}'", $"write e.g. '{what}: {Math.Max(min, 1)}'");
            return null;
        }

        public TimeSpan? Duration(YamlNode node, string what)
        {
            var text = Scalar(node, what);
            if (text is null) return null;
            if (DurationText.TryParse(text, out var d, out var outOfRange))
            {
                if (d > TimeSpan.Zero) return d;
                Error(node, $"'{what}' must be positive, not '{text}'", "write " + DurationText.Allowed);
                return null;
            }
            Error(node, outOfRange ? $"'{what}' is out of range: '{text}' is longer than {DurationText.Format(DurationText.Maximum)}" : $"'{what}' is not a duration: '{text}'",
                "write " + DurationText.Allowed);
            return null;
        }
    }
}
