using Muster.Agents;
using Muster.Cli;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Model;
using Muster.Tests.Engine;

namespace Muster.Tests.HostileEnvironment;

/// <summary>Anything unexpected: exit 3 with one line (the stack only on request), and the run journaled failed, never left running.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-internal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_unexpected_exception_is_one_line_and_exit_3()
    {
        var error = new StringWriter();

        var code = CliErrors.Report(Thrown(new InvalidOperationException("the state\nwas odd")), error, NoSecretScrubber.Instance, debug: false);

        Assert.Equal(3, code);
        Assert.Equal("internal error (please report): System.InvalidOperationException: the state was odd" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void With_debug_the_stack_trace_follows()
    {
        var error = new StringWriter();

        var code = CliErrors.Report(new AggregateException(Thrown(new NullReferenceException("boom"))), error, NoSecretScrubber.Instance, debug: true);

        Assert.Equal(3, code);
        Assert.StartsWith("internal error (please report): System.NullReferenceException: boom", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(" at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_errors_are_input_errors_not_internal_ones()
    {
        var full = new StringWriter();
        var readOnly = new StringWriter();

        Assert.Equal(2, CliErrors.Report(new IOException("No space left on device : '/x/report.json'", 28), full, NoSecretScrubber.Instance, debug: false));
        Assert.Equal(2, CliErrors.Report(new UnauthorizedAccessException("Access to the path '/x' is denied."), readOnly, NoSecretScrubber.Instance, debug: false));

        Assert.StartsWith("error: the disk is full: No space left on device : '/x/report.json': free space", full.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("error: cannot write: Access to the path '/x' is denied.: pass --state DIR / --output DIR", readOnly.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verbose_option_is_accepted_by_every_command()
    {
        var (code, _, err) = await CliRunner.RunAsync("runs", "--state", Path.Combine(_dir, "none"), "--verbose");

        Assert.Equal(2, code);
        Assert.DoesNotContain("Unrecognized", err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_run_that_dies_on_an_unexpected_error_is_journaled_failed_with_the_reason()
    {
        var harness = new EngineHarness().Kind("ok", (_, _) => Task.FromResult(AgentResult.Empty("fine")));
        var host = new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance);
        var plan = harness.Plan("name: p\nwaves:\n  - name: one\n    agents: [{id: a, kind: ok}]\n  - name: two\n    agents: [{id: b, kind: ok}]\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.StartAsync(plan, _dir, _dir, new Dictionary<string, string>(), [new FailingObserver()], CancellationToken.None, "run-x"));

        Assert.Equal("observer bug", error.Message);
        using var reader = JournalReader.Open(_dir);
        var run = reader.FindRun("run-x")!;
        Assert.Equal("failed", run.Status);
        Assert.Equal("InvalidOperationException: observer bug", run.StopReason);
        Assert.Equal(RunStatus.Failed, reader.LoadOutcome("run-x")!.Status);
        Assert.Equal(AgentState.Succeeded, reader.LoadAgents("run-x").Single(a => a.AgentId == "a").State);
    }

    private sealed class FailingObserver : IRunObserver
    {
        public ValueTask WaveStartedAsync(Muster.Engine.Plans.WavePlan wave) =>
            wave.Index == 1 ? throw new InvalidOperationException("observer bug") : ValueTask.CompletedTask;
    }

    private static Exception Thrown(Exception e)
    {
        try
        {
            throw e;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
