using System.Diagnostics;
using Muster.Agents;
using Muster.Agents.Command;
using static Muster.Tests.Agents.Command.TestContexts;

namespace Muster.Tests.Agents.Command;

public class CommandAgentTests
{
    private static Task<Muster.Model.AgentResult> Run(string root, Dictionary<string, object?> settings, CancellationToken ct = default) =>
        new CommandAgent().RunAsync(For(root, settings), ct);

    [Fact]
    public async Task Expected_exit_code_succeeds_and_is_recorded()
    {
        using var root = new TempTree();
        var result = await Run(root.Path, new() { ["program"] = "true" });
        Assert.Equal(0, result.Metrics["exit_code"]);
    }

    [Fact]
    public async Task Unexpected_exit_code_fails_the_agent_with_the_code_and_stderr()
    {
        using var root = new TempTree();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Run(root.Path, new() { ["program"] = "sh", ["args"] = List("-c", "echo broken >&2; exit 3") }));
        Assert.Contains("exited with code 3", e.Message);
        Assert.Contains("broken", e.Message);
    }

    [Fact]
    public async Task Exit_codes_setting_accepts_a_nonzero_code()
    {
        using var root = new TempTree();
        var result = await Run(root.Path, new() { ["program"] = "false", ["exit-codes"] = List("0", "1") });
        Assert.Equal(1, result.Metrics["exit_code"]);
    }

    [Fact]
    public async Task Arguments_are_passed_as_a_list_without_a_shell()
    {
        using var root = new TempTree();
        var result = await Run(root.Path, new() { ["program"] = "printf", ["args"] = List("%s|", "a b", "$(touch pwned)", ";", "*") });
        var stdout = result.Artifacts.Single(a => a.Name == "stdout.txt").Content;
        Assert.Equal("a b|$(touch pwned)|;|*|", stdout);
        Assert.False(File.Exists(Path.Combine(root.Path, "pwned")));
    }

    [Fact]
    public async Task Runs_dotnet_itself()
    {
        using var root = new TempTree();
        var result = await Run(root.Path, new() { ["program"] = "dotnet", ["args"] = List("--version") });
        Assert.Matches(@"^\d+\.\d+", result.Artifacts.Single(a => a.Name == "stdout.txt").Content);
    }

    [Fact]
    public async Task Environment_holds_only_allowed_names_and_references()
    {
        using var root = new TempTree();
        var allowed = "MUSTER_TEST_ALLOWED_" + Guid.NewGuid().ToString("N")[..8];
        var denied = "MUSTER_TEST_DENIED_" + Guid.NewGuid().ToString("N")[..8];
        var source = "MUSTER_TEST_SOURCE_" + Guid.NewGuid().ToString("N")[..8];
        // given the variables set through the agent's environment seam only: the process environment never has them
        var variables = new Dictionary<string, string>(ProcessAgentEnvironment.Instance.Variables(), StringComparer.Ordinal)
        {
            [allowed] = "yes-allowed",
            [denied] = "must-not-pass",
            [source] = "by-reference",
        };
        var context = For(root.Path, new Dictionary<string, object?>
        {
            ["program"] = "env",
            ["env"] = List(allowed),
            ["env-from"] = Map(("TOOL_TOKEN", source)),
            ["env-set"] = Map(("NO_COLOR", "1")),
        }, environment: new FixedAgentEnvironment(variables));

        var result = await new CommandAgent().RunAsync(context, CancellationToken.None);

        var env = result.Artifacts.Single(a => a.Name == "stdout.txt").Content;
        Assert.Null(Environment.GetEnvironmentVariable(allowed));
        Assert.Contains($"{allowed}=yes-allowed", env);
        Assert.Contains("TOOL_TOKEN=by-reference", env);
        Assert.Contains("NO_COLOR=1", env);
        Assert.Contains($"MUSTER_ROOT={root.Path}", env);
        Assert.DoesNotContain(denied, env);
        Assert.DoesNotContain("must-not-pass", env);
    }

    [Fact]
    public async Task Env_from_a_missing_variable_is_a_settings_error()
    {
        using var root = new TempTree();
        var e = await Assert.ThrowsAsync<AgentSettingsException>(() =>
            Run(root.Path, new() { ["program"] = "true", ["env-from"] = Map(("TOKEN", "MUSTER_TEST_NEVER_SET_" + Guid.NewGuid().ToString("N"))) }));
        Assert.Contains("TOKEN", e.Message);
    }

    [Fact]
    public async Task Env_set_refuses_a_literal_that_looks_like_a_secret()
    {
        using var root = new TempTree();
        var secret = Llm.TestSecrets.OpenAiKey(7);
        var settings = new Dictionary<string, object?> { ["program"] = "true", ["env-set"] = Map(("OPENAI_API_KEY", secret)) };
        var e = await Assert.ThrowsAsync<AgentSettingsException>(() =>
            new CommandAgent().RunAsync(For(root.Path, settings, new Llm.TestSecretScrubber()), default));
        Assert.Contains("env-from", e.Message);
        Assert.DoesNotContain(secret, e.Message);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../elsewhere")]
    [InlineData("/tmp")]
    public async Task Working_directory_must_stay_inside_the_root(string cwd)
    {
        using var root = new TempTree();
        await Assert.ThrowsAsync<AgentSettingsException>(() => Run(root.Path, new() { ["program"] = "true", ["cwd"] = cwd }));
    }

    [Fact]
    public async Task Working_directory_through_a_symlink_is_refused()
    {
        using var root = new TempTree();
        using var outside = new TempTree();
        Directory.CreateSymbolicLink(Path.Combine(root.Path, "escape"), outside.Path);
        var e = await Assert.ThrowsAsync<AgentSettingsException>(() => Run(root.Path, new() { ["program"] = "true", ["cwd"] = "escape" }));
        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public async Task Working_directory_under_the_root_is_used()
    {
        using var root = new TempTree();
        Directory.CreateDirectory(Path.Combine(root.Path, "sub"));
        var result = await Run(root.Path, new() { ["program"] = "pwd", ["cwd"] = "sub" });
        Assert.Equal(Path.Combine(root.Path, "sub"), result.Artifacts.Single(a => a.Name == "stdout.txt").Content.Trim());
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        using var root = new TempTree();
        var pidFile = Path.Combine(root.Path, "child.pid");
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<CommandTimeoutException>(() => Run(root.Path, new()
        {
            ["program"] = "sh",
            ["args"] = List("-c", $"sleep 60 & echo $! > '{pidFile}'; wait"),
            ["timeout"] = "1s",
        }));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Contains("timeout", e.Message);
        await AssertProcessGone(int.Parse(File.ReadAllText(pidFile).Trim()));
    }

    [Fact]
    public async Task Cancellation_kills_the_process_tree_and_ends_promptly()
    {
        using var root = new TempTree();
        var pidFile = Path.Combine(root.Path, "child.pid");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(root.Path, new()
        {
            ["program"] = "sh",
            ["args"] = List("-c", $"sleep 60 & echo $! > '{pidFile}'; wait"),
        }, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        await AssertProcessGone(int.Parse(File.ReadAllText(pidFile).Trim()));
    }

    [Fact]
    public async Task A_background_child_holding_the_pipes_does_not_hang_the_agent()
    {
        using var root = new TempTree();
        var watch = Stopwatch.StartNew();
        var result = await Run(root.Path, new() { ["program"] = "sh", ["args"] = List("-c", "echo started; sleep 8 &") });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
        Assert.Equal("started\n", result.Artifacts.Single(a => a.Name == "stdout.txt").Content);
    }

    [Fact]
    public async Task Stdout_over_the_limit_is_not_parsed_as_if_complete()
    {
        using var root = new TempTree();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(root.Path, new()
        {
            ["program"] = "sh",
            ["args"] = List("-c", "i=0; while [ $i -lt 2000 ]; do echo 'x.ts(1,1): error TS1000: filler'; i=$((i+1)); done"),
            ["parser"] = "tsc",
            ["max-output-bytes"] = "4096",
        }));
        Assert.Contains("max-output-bytes", e.Message);
    }

    [Fact]
    public async Task Missing_program_is_a_clear_settings_error()
    {
        using var root = new TempTree();
        var e = await Assert.ThrowsAsync<AgentSettingsException>(() => Run(root.Path, new() { ["program"] = "muster-no-such-program-" + Guid.NewGuid().ToString("N") }));
        Assert.Contains("not found on PATH", e.Message);
    }

    [Fact]
    public async Task Program_comes_only_from_settings_never_from_the_workspace()
    {
        using var root = new TempTree();
        // Files that other tools treat as "what to run" must not make the agent run anything.
        root.Write("Makefile", "all:\n\ttouch pwned\n");
        root.Write("package.json", "{\"scripts\":{\"test\":\"touch pwned\"}}");
        root.Write(".muster/command", "touch pwned");
        var e = await Assert.ThrowsAsync<AgentSettingsException>(() => Run(root.Path, new()));
        Assert.Contains("'program' is required", e.Message);
        Assert.False(File.Exists(Path.Combine(root.Path, "pwned")));
    }

    [Fact]
    public async Task Parse_failure_fails_the_agent_instead_of_reporting_nothing()
    {
        using var root = new TempTree();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(root.Path, new()
        {
            ["program"] = "echo",
            ["args"] = List("not sarif"),
            ["parser"] = "sarif",
        }));
        Assert.Contains("sarif parser could not read", e.Message);
    }

    [Fact]
    public async Task Output_file_written_by_the_command_is_parsed()
    {
        using var root = new TempTree();
        var junit = "<testsuite name='s'><testcase name='ok'/><testcase name='bad'><failure message='boom'/></testcase></testsuite>";
        var result = await Run(root.Path, new()
        {
            ["program"] = "sh",
            ["args"] = List("-c", $"mkdir -p reports && echo \"{junit}\" > reports/junit.xml"),
            ["parser"] = "junit",
            ["output-file"] = "reports/*.xml",
        });
        Assert.Equal(2, result.Metrics["tests_total"]);
        Assert.Equal(1, result.Metrics["tests_failed"]);
        Assert.Single(result.Findings);
    }

    [Fact]
    public async Task Stale_output_file_from_an_earlier_run_is_refused()
    {
        using var root = new TempTree();
        var stale = root.Write("reports/junit.xml", "<testsuite name='s'><testcase name='ok'/></testsuite>");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(root.Path, new()
        {
            ["program"] = "true",
            ["parser"] = "junit",
            ["output-file"] = "reports/junit.xml",
        }));
        Assert.Contains("not this run's output", e.Message);
    }

    [Fact]
    public async Task Sarif_printed_by_a_script_becomes_findings()
    {
        using var root = new TempTree();
        root.Write("src/app.py", "password = 'x'\n");
        var script = root.Write("emit.sh", "cat <<'JSON'\n" + ParserSamples.Sarif + "\nJSON\n");
        var result = await Run(root.Path, new() { ["program"] = "sh", ["args"] = List(script), ["parser"] = "sarif" });
        Assert.Equal(3, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal("command-1", f.AgentId));
        Assert.Contains("SARIF from", result.Summary);
    }

    private static async Task AssertProcessGone(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (!IsAlive(pid)) return;
            await Task.Delay(50);
        }
        Assert.Fail($"child process {pid} still runs after the kill");
    }

    private static bool IsAlive(int pid)
    {
        // A killed child that its dead parent cannot reap shows as a zombie (state Z) until init collects it.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
