using Microsoft.Extensions.Time.Testing;
using Muster.Agents;
using Muster.Agents.Command;
using Muster.Model;
using static Muster.Tests.Agents.Command.TestContexts;

namespace Muster.Tests.Agents.Command;

/// <summary>The command agent against a recording process starter: what it asks to run, and how it reads a canned outcome. No process runs.</summary>
public sealed class CommandAgentProcessSeamTests
{
    private const string TscOutput = "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.\n";

    /// <summary>A root with a program file on the fixed PATH (resolved, never run) and an environment holding one variable the plan does not pass.</summary>
    private sealed class Setup : IDisposable
    {
        public TempTree Root { get; } = new();
        public string Tool { get; }
        public FixedAgentEnvironment Environment { get; }

        public Setup()
        {
            Tool = Root.Write("bin/lint", "");
            Environment = new FixedAgentEnvironment(new Dictionary<string, string>
            {
                ["PATH"] = Path.GetDirectoryName(Tool)!,
                ["HOME"] = "/home/tester",
                ["UNLISTED"] = "not passed",
            });
        }

        public Task<AgentResult> RunAsync(RecordingProcessStarter processes, Dictionary<string, object?> settings, TimeProvider time) =>
            new CommandAgent().RunAsync(For(Root.Path, settings, environment: Environment, processes: processes, time: time), CancellationToken.None);

        public void Dispose() => Root.Dispose();
    }

    [Fact]
    public async Task The_agent_asks_for_its_plans_program_and_turns_the_canned_output_into_findings()
    {
        using var setup = new Setup();
        var processes = new RecordingProcessStarter(_ => CannedProcess.Exits(1, TscOutput, "1 error\n"));

        var result = await setup.RunAsync(processes, new()
        {
            ["program"] = "lint",
            ["args"] = List("--project", "{root}", "$(touch x)"),
            ["env-set"] = Map(("NO_COLOR", "1")),
            ["exit-codes"] = List("0", "1"),
            ["parser"] = "tsc",
        }, new FakeTimeProvider());

        var spec = Assert.Single(processes.Specs);
        Assert.Equal(setup.Tool, spec.FileName);
        Assert.Equal(new[] { "--project", setup.Root.Path, "$(touch x)" }, spec.Arguments);
        Assert.Equal(setup.Root.Path, spec.WorkingDirectory);
        Assert.Equal(new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(setup.Tool)!,
            ["HOME"] = "/home/tester",
            ["NO_COLOR"] = "1",
            ["MUSTER_ROOT"] = setup.Root.Path,
        }, spec.Environment);
        Assert.True(spec.TiedToMuster);
        Assert.False(spec.WritesInput);
        Assert.True(Assert.Single(processes.Processes).Disposed);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("TS2322", finding.RuleId);
        Assert.Equal("src/a.ts", finding.Location!.Path);
        Assert.Equal(3, finding.Location.Line);
        Assert.Equal(1, result.Metrics["exit_code"]);
        Assert.Equal(TscOutput.Length, result.Metrics["stdout_bytes"]);
        Assert.Equal(0, result.Metrics["duration_ms"]); // the fake clock never moved
        Assert.Equal("1 error\n", result.Artifacts.Single(a => a.Name == "stderr.txt").Content);
        Assert.StartsWith("'lint' exited 1 after 0ms", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canned_exit_code_outside_exit_codes_fails_the_agent_with_the_stderr_tail()
    {
        using var setup = new Setup();
        var processes = new RecordingProcessStarter(_ => CannedProcess.Exits(2, TscOutput, "fatal: no tsconfig.json\n"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            setup.RunAsync(processes, new() { ["program"] = "lint", ["parser"] = "tsc" }, new FakeTimeProvider()));

        Assert.Equal("'lint' exited with code 2, expected 0: fatal: no tsconfig.json", e.Message);
    }

    [Fact]
    public async Task A_program_still_running_at_its_timeout_on_the_agents_clock_is_killed_and_fails_the_agent()
    {
        using var setup = new Setup();
        var clock = new FakeTimeProvider();
        var processes = new RecordingProcessStarter(_ => CannedProcess.Hangs("partial\n"));

        var run = setup.RunAsync(processes, new() { ["program"] = "lint", ["timeout"] = "30s" }, clock);
        var process = await WaitForStartAsync(processes);
        await process.Waited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<CommandTimeoutException>(() => run);
        Assert.Equal("'lint' ran longer than its timeout of 30s; its process tree was killed", e.Message);
        Assert.True(process.Killed);
        Assert.True(process.Disposed);
    }

    private static async Task<CannedProcess> WaitForStartAsync(RecordingProcessStarter processes)
    {
        for (var i = 0; i < 3000 && processes.Processes.Count == 0; i++) await Task.Delay(10);
        return Assert.Single(processes.Processes);
    }
}
