using Microsoft.Data.Sqlite;
using Muster.Agents;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Model;

namespace Muster.Tests.Engine;

public sealed class JournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EngineHarness Harness(Func<bool>? failSecond = null) => new EngineHarness()
        .Kind("find", (_, _) => Task.FromResult(new AgentResult
        {
            Summary = "found one",
            Findings = [EngineHarness.Finding("R1", Severity.High, "config/.env", 3)],
            Artifacts = [new Artifact("inventory.md", "text/markdown", "| a | b |")],
            Metrics = new Dictionary<string, double> { ["files"] = 42 },
        }))
        .Kind("maybe", (_, _) => failSecond?.Invoke() == true ? throw new InvalidOperationException("not yet") : Task.FromResult(AgentResult.Empty("ok now")));

    private const string Plan = """
        name: p
        waves:
          - name: one
            agents: [{id: finder, kind: find}]
          - name: two
            agents: [{id: second, kind: maybe}]
        """;

    [Fact]
    public async Task A_run_is_journaled_and_read_back_whole()
    {
        var harness = Harness();
        var host = new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance);

        var outcome = await host.StartAsync(harness.Plan(Plan), _dir, _dir, new Dictionary<string, string> { ["k"] = "v" }, [], CancellationToken.None, "run-1");

        using var reader = JournalReader.Open(_dir);
        var run = Assert.Single(reader.ListRuns());
        Assert.Equal(("run-1", "completed", "p", "v"), (run.RunId, run.Status, run.PlanName, run.Parameters["k"]));
        var loaded = reader.LoadOutcome("run-1")!;
        Assert.Equal(outcome.Findings.Select(Key), loaded.Findings.Select(Key));
        var finder = loaded.Agents.Single(a => a.AgentId == "finder");
        Assert.Equal((AgentState.Succeeded, "found one", 42.0), (finder.State, finder.Result.Summary, finder.Result.Metrics["files"]));
        Assert.Equal("| a | b |", finder.Result.Artifacts.Single().Content);
        Assert.Equal([WaveStatus.Passed, WaveStatus.Passed], loaded.Waves.Select(w => w.Status));
        Assert.Equal(["running", "succeeded"], TransitionsOf("run-1", "finder").Take(1).Append(finder.State.ToLabel()));
    }

    [Fact]
    public async Task Resume_keeps_succeeded_agents_and_runs_the_rest()
    {
        var failing = true;
        var runs = 0;
        var harness = Harness(() => { runs++; return failing; });
        var finderRuns = 0;
        harness.Registry.Add(new AgentDescriptor("counted", AgentRole.Scanner, "", () => new LambdaAgent((_, _) =>
        {
            finderRuns++;
            return Task.FromResult(new AgentResult { Findings = [EngineHarness.Finding("R9", Severity.Critical)] });
        })));
        const string Plan2 = """
            name: p
            waves:
              - name: one
                agents: [{id: counted, kind: counted}]
              - name: two
                agents: [{id: second, kind: maybe}]
            """;
        var host = new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance);
        var first = await host.StartAsync(harness.Plan(Plan2), _dir, _dir, new Dictionary<string, string>(), [], CancellationToken.None, "run-2");
        Assert.Equal(AgentState.Failed, first.Agents.Single(a => a.AgentId == "second").State);

        failing = false;
        var resumed = await host.ResumeAsync("run-2", _dir, [], CancellationToken.None);

        Assert.Equal(1, finderRuns);
        Assert.Equal(2, runs);
        var counted = resumed.Agents.Single(a => a.AgentId == "counted");
        Assert.True(counted.Reused);
        Assert.Equal("R9", counted.Result.Findings.Single().RuleId);
        Assert.Equal(AgentState.Succeeded, resumed.Agents.Single(a => a.AgentId == "second").State);
        using var reader = JournalReader.Open(_dir);
        Assert.Equal("completed", reader.FindRun("run-2")!.Status);
        Assert.Single(reader.LoadOutcome("run-2")!.Findings);
    }

    [Fact]
    public async Task Resume_of_an_unknown_run_says_how_to_list_runs()
    {
        var harness = Harness();
        var host = new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance);
        await host.StartAsync(harness.Plan(Plan), _dir, _dir, new Dictionary<string, string>(), [], CancellationToken.None, "run-3");

        var error = await Assert.ThrowsAsync<UnknownRunException>(() => host.ResumeAsync("nope", _dir, [], CancellationToken.None));

        Assert.Contains("muster runs --state", error.Message, StringComparison.Ordinal);
    }

    private static (string, string, SourceLocation?, string, Severity, string) Key(Finding f) =>
        (f.RuleId, f.Fingerprint, f.Location, f.Message, f.Severity, f.AgentId);

    private List<string> TransitionsOf(string run, string agent)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, RunJournal.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM transitions WHERE run_id=$r AND agent_id=$a ORDER BY rowid";
        command.Parameters.AddWithValue("$r", run);
        command.Parameters.AddWithValue("$a", agent);
        using var reader = command.ExecuteReader();
        var states = new List<string>();
        while (reader.Read()) states.Add(reader.GetString(0));
        return states;
    }
}
