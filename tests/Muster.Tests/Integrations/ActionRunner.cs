using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Muster.Tests.Integrations;

/// <summary>
/// Runs a composite action's <c>run:</c> steps with bash on this machine the way a GitHub runner does
/// (<c>bash --noprofile --norc -eo pipefail</c>, fresh GITHUB_OUTPUT per step, GITHUB_PATH and GITHUB_ENV carried
/// to later steps, one GITHUB_STEP_SUMMARY), skipping <c>uses:</c> steps with the reason. It understands the
/// expressions action.yml uses (<c>inputs.*</c>, <c>steps.ID.outputs.*</c>, <c>runner.temp</c>, <c>always()</c>,
/// <c>==</c>/<c>!=</c> against a literal, <c>&amp;&amp;</c>); anything else fails the run, so the action cannot use
/// an expression this test would not execute.
/// </summary>
internal sealed partial class ActionRunner(string actionFile, string workspace, string runnerTemp)
{
    public sealed record StepRun(string Name, string? Skipped, int? ExitCode, string Output);

    public sealed record Result(IReadOnlyList<StepRun> Steps, IReadOnlyDictionary<string, string> Outputs, string StepSummary, bool Failed);

    /// <summary>Environment every step gets besides the runner's variables (PATH is extended by GITHUB_PATH).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public Result Run(IReadOnlyDictionary<string, string> with)
    {
        var root = (YamlMappingNode)Load(actionFile).RootNode;
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(root, "inputs"))
            inputs[Scalar(key)] = value is YamlMappingNode input && input.Children.TryGetValue("default", out var d) ? Scalar(d) : "";
        foreach (var (name, value) in with)
            inputs[name] = inputs.ContainsKey(name) ? value : throw new InvalidOperationException($"action.yml has no input '{name}'");
        var runs = (YamlMappingNode)root.Children["runs"];
        if (Scalar(runs.Children["using"]) != "composite") throw new InvalidOperationException("only composite actions are run here");

        var stepOutputs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var summary = Path.Combine(runnerTemp, "step-summary.md");
        var githubEnv = Path.Combine(runnerTemp, "github-env");
        var githubPath = Path.Combine(runnerTemp, "github-path");
        File.WriteAllText(summary, "");
        File.WriteAllText(githubEnv, "");
        File.WriteAllText(githubPath, "");
        var steps = new List<StepRun>();
        var failed = false;
        var index = 0;
        foreach (var node in ((YamlSequenceNode)runs.Children["steps"]).Children.Cast<YamlMappingNode>())
        {
            index++;
            var step = node.Children.ToDictionary(kv => Scalar(kv.Key), kv => kv.Value);
            var name = step.TryGetValue("name", out var n) ? Scalar(n) : $"step {index}";
            string Evaluate(string text) => Substitute(text, inputs, stepOutputs);
            var condition = step.TryGetValue("if", out var c) ? Scalar(c) : "success()";
            if (!Condition(condition, failed, inputs, stepOutputs))
            {
                steps.Add(new StepRun(name, $"if: {condition} is false", null, ""));
                continue;
            }
            if (step.TryGetValue("uses", out var uses))
            {
                steps.Add(new StepRun(name, $"uses: {Scalar(uses)} is an action from another repository; not run on this machine", null, ""));
                continue;
            }
            var output = Path.Combine(runnerTemp, $"github-output-{index}");
            File.WriteAllText(output, "");
            var env = new Dictionary<string, string>(Environment, StringComparer.Ordinal)
            {
                ["CI"] = "true",
                ["GITHUB_ACTIONS"] = "true",
                ["RUNNER_TEMP"] = runnerTemp,
                ["GITHUB_WORKSPACE"] = workspace,
                ["GITHUB_ACTION_PATH"] = Path.GetDirectoryName(Path.GetFullPath(actionFile))!,
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["GITHUB_ENV"] = githubEnv,
                ["GITHUB_PATH"] = githubPath,
            };
            foreach (var line in File.ReadAllLines(githubEnv).Where(l => l.Contains('=')))
                env[line[..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
            var added = File.ReadAllLines(githubPath).Where(l => l.Length > 0).Reverse();
            env["PATH"] = string.Join(':', added.Append(env.TryGetValue("PATH", out var p) ? p : System.Environment.GetEnvironmentVariable("PATH") ?? ""));
            if (step.TryGetValue("env", out var stepEnv))
            {
                foreach (var (key, value) in (YamlMappingNode)stepEnv) env[Scalar(key)] = Evaluate(Scalar(value));
            }
            var shell = step.TryGetValue("shell", out var s) ? Scalar(s) : throw new InvalidOperationException($"step '{name}': a composite run step needs shell:");
            if (shell != "bash") throw new InvalidOperationException($"step '{name}': shell '{shell}' is not run here");
            var (code, text) = Bash(Evaluate(Scalar(step["run"])), env);
            steps.Add(new StepRun(name, null, code, text));
            if (step.TryGetValue("id", out var id)) stepOutputs[Scalar(id)] = ReadOutputs(output);
            if (code != 0) failed = true;
        }
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(root, "outputs"))
            outputs[Scalar(key)] = Substitute(Scalar(((YamlMappingNode)value).Children["value"]), inputs, stepOutputs);
        return new Result(steps, outputs, File.ReadAllText(summary), failed);
    }

    private (int Code, string Output) Bash(string script, Dictionary<string, string> env)
    {
        var file = Path.Combine(runnerTemp, $"step-{Guid.NewGuid():N}.sh");
        File.WriteAllText(file, script);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--noprofile", "--norc", "-eo", "pipefail", file]) start.ArgumentList.Add(a);
        start.Environment.Clear();
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, text.ToString());
    }

    /// <summary>GITHUB_OUTPUT lines: <c>name=value</c>, or <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c>.</summary>
    private static Dictionary<string, string> ReadOutputs(string file)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var eq = lines[i].IndexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq))
            {
                var delimiter = lines[i][(heredoc + 2)..];
                var value = new List<string>();
                while (++i < lines.Length && lines[i] != delimiter) value.Add(lines[i]);
                outputs[lines[i - value.Count - 1][..heredoc]] = string.Join('\n', value);
            }
            else if (eq > 0) outputs[lines[i][..eq]] = lines[i][(eq + 1)..];
        }
        return outputs;
    }

    private string Substitute(string text, Dictionary<string, string> inputs, Dictionary<string, Dictionary<string, string>> steps) =>
        Expression().Replace(text, m => Value(m.Groups[1].Value.Trim(), inputs, steps));

    private string Value(string expression, Dictionary<string, string> inputs, Dictionary<string, Dictionary<string, string>> steps)
    {
        var parts = expression.Split('.');
        return parts switch
        {
            ["inputs", var name] => inputs.TryGetValue(name, out var v) ? v : throw new InvalidOperationException($"${{{{ {expression} }}}}: no such input"),
            ["steps", var id, "outputs", var name] => steps.TryGetValue(id, out var o) && o.TryGetValue(name, out var v) ? v : "",
            ["runner", "temp"] => runnerTemp,
            ["github", "workspace"] => workspace,
            ["github", "action_path"] => Path.GetDirectoryName(Path.GetFullPath(actionFile))!,
            _ => throw new InvalidOperationException($"${{{{ {expression} }}}}: an expression this runner does not evaluate"),
        };
    }

    private bool Condition(string condition, bool failed, Dictionary<string, string> inputs, Dictionary<string, Dictionary<string, string>> steps)
    {
        var expression = condition.Trim();
        if (expression.StartsWith("${{", StringComparison.Ordinal)) expression = expression[3..^2].Trim();
        var terms = expression.Split("&&").Select(t => t.Trim()).ToList();
        var statusChecked = terms.Any(t => t is "always()" or "success()" or "failure()");
        var result = statusChecked || !failed;
        foreach (var term in terms)
        {
            if (term == "always()") continue;
            if (term == "success()") { result &= !failed; continue; }
            if (term == "failure()") { result &= failed; continue; }
            var comparison = Comparison().Match(term);
            if (!comparison.Success) throw new InvalidOperationException($"if: {condition}: '{term}' is a condition this runner does not evaluate");
            var left = Value(comparison.Groups[1].Value, inputs, steps);
            var equal = string.Equals(left, comparison.Groups[3].Value, StringComparison.OrdinalIgnoreCase);
            result &= comparison.Groups[2].Value == "==" ? equal : !equal;
        }
        return result;
    }

    private static YamlDocument Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents.Single();
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlMappingNode map ? map.Children : [];

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new InvalidOperationException($"expected a scalar at {node.Start}");

    [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^([\w.-]+)\s*(==|!=)\s*'([^']*)'$")]
    private static partial Regex Comparison();
}
