using Muster.Composition;
using Muster.Engine.Plans;

namespace Muster.Tests.Engine;

/// <summary>
/// Issue 11: every built-in agent reads its <c>with:</c> block into a typed record when the plan is parsed, so a wrong
/// value is a plan error at its file, line and column naming the key, not an agent failing mid-run.
/// </summary>
public sealed class AgentSettingsPlanErrorTests : IDisposable
{
    private static readonly PlanParser Parser = new(BuiltInAgents.CreateRegistry());
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A one-agent plan; the settings start on line 8, so the last one is on line 7 + their count.</summary>
    private static string Plan(string kind, params string[] settings) =>
        $"name: p\nwaves:\n  - name: w\n    agents:\n      - id: a\n        kind: {kind}\n        with:\n" +
        string.Concat(settings.Select(s => $"          {s}\n"));

    [Theory]
    [InlineData("command", "setting 'parser' must be one of eslint, junit, regex, sarif, tsc; 'checkstyle' is not", "program: make", "parser: checkstyle")]
    [InlineData("command", "setting 'default-severity' must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO; 'urgent' is not", "program: make", "default-severity: urgent")]
    [InlineData("command", "setting 'pattern' is not a valid regular expression", "program: make", "parser: regex", "pattern: '(?<message>'")]
    [InlineData("command", "setting 'severity-map': 'bad' (for 'error') is not one of CRITICAL", "program: make", "severity-map: {error: bad}")]
    [InlineData("command", "setting 'exit-codes' must list whole numbers; 'ok' is not one", "program: make", "exit-codes: [0, ok]")]
    [InlineData("command", "setting 'timeout' must be a duration", "program: make", "timeout: soon")]
    [InlineData("config-audit", "setting 'disable' accepts MUSTER-", "disable: [MUSTER-NO-SUCH-RULE]")]
    [InlineData("config-audit", "setting 'max-file-bytes' must be a whole number", "max-file-bytes: big")]
    [InlineData("imports", "setting 'languages' accepts python, javascript, not cobol", "languages: [python, cobol]")]
    [InlineData("infra-state", "setting 'engine-timeout' must be a duration", "engine-timeout: soon")]
    [InlineData("infra-state", "setting 'docker-host': docker host 'ftp://x' must be unix:///path/to.sock or tcp://host:port", "docker-host: ftp://x")]
    [InlineData("infra-state", "setting 'tls-warn-days' must be a whole number of 0 or more", "tls-warn-days: -1")]
    [InlineData("workspace-inventory", "setting 'large-file-bytes' must be a whole number of 1 or more", "large-file-bytes: 0")]
    [InlineData("llm", "setting 'max-turns' must be a whole number", "base-url: http://127.0.0.1:11434/v1", "model: m", "instructions: look", "max-turns: lots")]
    [InlineData("llm", "setting 'role-template' must be one of research, analysis, verification; 'critic' is not", "base-url: http://127.0.0.1:11434/v1", "model: m", "instructions: look", "role-template: critic")]
    [InlineData("llm", "'ftp://x' is not an http(s) URL for base-url", "model: m", "instructions: look", "base-url: ftp://x")]
    [InlineData("mcp-servers", "setting 'parallel' must be a whole number from 1 to 64", "parallel: 0")]
    [InlineData("mcp-servers", "setting 'start-servers' must be true or false", "start-servers: maybe")]
    [InlineData("agent-definitions", "setting 'max-file-bytes' must be a whole number of 1 or more", "max-file-bytes: -1")]
    [InlineData("preflight", "setting 'min-free-mb' must be a whole number", "min-free-mb: lots")]
    [InlineData("test-hygiene", "setting 'max-file-bytes' must be a whole number", "max-file-bytes: huge")]
    [InlineData("dependencies", "setting 'sbom-format' must be cyclonedx or spdx; 'xml' is not", "sbom-format: xml")]
    [InlineData("dependencies", "setting 'osv-max-age-days' must be a whole number of 0 or more", "osv-max-age-days: -3")]
    [InlineData("sleep", "setting 'duration' must be a duration", "duration: soon")]
    [InlineData("secrets", "setting 'threads' must be a whole number", "threads: lots")]
    public void A_wrong_value_is_a_plan_error_at_its_line_naming_the_key(string kind, string message, params string[] settings)
    {
        var error = Assert.Single(Assert.Throws<PlanException>(() => Parser.Parse(Plan(kind, settings), "plan.yaml")).Errors);

        var last = settings[^1];
        var key = last[..last.IndexOf(':')];
        Assert.Equal("plan.yaml", error.File);
        Assert.Equal(7 + settings.Length, error.Line);
        Assert.Equal(11 + key.Length + 2, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("command", "setting 'program' is required", "timeout: 5m")]
    [InlineData("command", "setting 'output-file' needs 'parser'", "program: make", "output-file: out.sarif")]
    [InlineData("command", "setting 'pattern' is required", "program: make", "parser: regex")]
    [InlineData("llm", "setting 'instructions' is required", "base-url: http://127.0.0.1:11434/v1", "model: m")]
    [InlineData("llm", "setting 'model' (or 'model-env') is required", "base-url: http://127.0.0.1:11434/v1", "instructions: look")]
    public void A_missing_required_setting_is_a_plan_error_saying_what_to_add(string kind, string message, params string[] settings)
    {
        var error = Assert.Single(Assert.Throws<PlanException>(() => Parser.Parse(Plan(kind, settings), "plan.yaml")).Errors);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 7, 7 + settings.Length);
        Assert.StartsWith("add", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_noop_kind_takes_no_settings()
    {
        var error = Assert.Single(Assert.Throws<PlanException>(() => Parser.Parse(Plan("noop", "duration: 1s"), "plan.yaml")).Errors);

        Assert.Equal(8, error.Line);
        Assert.Contains("unknown setting 'duration' for kind 'noop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Right_values_parse_into_the_plan()
    {
        var plan = Parser.Parse(Plan("command", "program: make", "parser: regex", "pattern: '(?<message>.*)'", "default-severity: low", "exit-codes: [0, 2]"), "plan.yaml");

        Assert.Equal("make", plan.Waves[0].Agents[0].Settings.GetString("program"));
    }

    [Fact]
    public async Task Plan_check_and_run_exit_2_with_the_file_line_and_column()
    {
        var file = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(file, Plan("command", "program: make", "parser: checkstyle"));

        var check = await CliRunner.RunAsync("plan", "check", file);
        var run = await CliRunner.RunAsync("run", file, "--root", _dir, "--output", Path.Combine(_dir, "out"));

        foreach (var (code, stdout, stderr) in new[] { check, run })
        {
            Assert.Equal(2, code);
            Assert.Contains($"{file}:9:19: error: setting 'parser' must be one of", stdout + stderr, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }
}
