using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Tests.Engine;

/// <summary>
/// A fresh run's first outcome per agent is written without deleting (nothing to replace); a second save of the
/// same agent in the same journal, or any save in a resumed run, replaces the agent's findings and artifacts.
/// </summary>
public sealed class JournalOutcomeReplaceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-journal-replace-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Plan OnePlan = new EngineHarness().Kind("find", (_, _) => Task.FromResult(AgentResult.Empty()))
        .Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: finder, kind: find}]\n");

    private static AgentOutcome Outcome(params string[] rules) => new()
    {
        AgentId = "finder",
        Kind = "find",
        Role = AgentRole.Scanner,
        WaveIndex = 0,
        State = AgentState.Succeeded,
        Attempts = 1,
        Result = new AgentResult
        {
            Findings = rules.Select(r => EngineHarness.Finding(r, Severity.High)).ToList(),
            Artifacts = [new Artifact("notes.md", "text/markdown", string.Join(",", rules))],
        },
    };

    private async Task SaveAsync(params AgentOutcome[] outcomes)
    {
        await using var journal = RunJournal.Open(_dir);
        await journal.BeginRunAsync("run-1", OnePlan, _dir, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch);
        foreach (var outcome in outcomes) await journal.AgentFinishedAsync(outcome);
    }

    private (string[] Rules, string Artifact) Stored()
    {
        using var reader = JournalReader.Open(_dir);
        var agent = reader.LoadAgents("run-1").Single();
        return (agent.Result.Findings.Select(f => f.RuleId).ToArray(), agent.Result.Artifacts.Single().Content);
    }

    [Fact]
    public async Task A_second_save_in_the_same_journal_replaces_the_first()
    {
        await SaveAsync(Outcome("R1", "R2"), Outcome("R3"));

        var (rules, artifact) = Stored();
        Assert.Equal(["R3"], rules);
        Assert.Equal("R3", artifact);
    }

    [Fact]
    public async Task A_resumed_run_replaces_what_the_interrupted_run_stored()
    {
        await SaveAsync(Outcome("R1", "R2"));
        await SaveAsync(Outcome("R3"));

        var (rules, artifact) = Stored();
        Assert.Equal(["R3"], rules);
        Assert.Equal("R3", artifact);
    }
}
