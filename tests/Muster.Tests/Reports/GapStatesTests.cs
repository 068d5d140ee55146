using Muster.Engine;
using Muster.Gaps;
using Muster.Model;
using Muster.Reports;
using Muster.Reports.History;

namespace Muster.Tests.Reports;

public class GapStatesTests
{
    private static Finding F(string agent, string id, Severity severity = Severity.High) => new Finding
    {
        RuleId = "r/" + id,
        Title = id,
        Severity = severity,
        Category = "test",
        Message = id,
        Location = new SourceLocation(id + ".txt", 1),
        AgentId = agent,
    }.WithDefaultFingerprint(id);

    private static RunOutcome Run(string runId, params (string Agent, AgentState State, Finding[] Findings)[] agents) => new()
    {
        RunId = runId,
        PlanName = "p",
        Root = "/tmp/p",
        Status = RunStatus.Completed,
        Agents = agents.Select(a => new AgentOutcome
        {
            AgentId = a.Agent,
            Kind = "k",
            Role = AgentRole.Scanner,
            WaveIndex = 0,
            State = a.State,
            Result = new AgentResult { Findings = a.Findings },
        }).ToList(),
    };

    [Fact]
    public void Gaps_are_new_persisting_fixed_suppressed_or_not_rechecked()
    {
        var before = Run("r1",
            ("scan", AgentState.Succeeded, [F("scan", "kept"), F("scan", "fixed"), F("scan", "baselined")]),
            ("flaky", AgentState.Succeeded, [F("flaky", "unchecked")]));
        var after = Run("r2",
            ("scan", AgentState.Succeeded, [F("scan", "kept"), F("scan", "fresh")]),
            ("flaky", AgentState.Failed, []));
        var baselined = GapRegister.FingerprintOf(F("scan", "baselined"));
        var options = ReportOptions.Default with { PreviousOutcome = before, SuppressedFingerprints = new HashSet<string> { baselined } };

        var gaps = GapRegister.Build(after);
        var states = GapStates.Of(after, gaps, options);

        Assert.Equal("r1", states.PreviousRunId);
        Assert.Equal(GapState.Persisting, states.Of(gaps.Gaps.Single(g => g.Title == "kept")));
        Assert.Equal(GapState.New, states.Of(gaps.Gaps.Single(g => g.Title == "fresh")));
        var gone = states.Gone.ToDictionary(g => g.Gap.Title, g => g.State);
        Assert.Equal(GapState.Fixed, gone["fixed"]);
        Assert.Equal(GapState.Suppressed, gone["baselined"]);
        Assert.Equal(GapState.Unverified, gone["unchecked"]);
    }

    [Fact]
    public void Without_a_previous_run_every_gap_is_new()
    {
        var run = Run("r1", ("scan", AgentState.Succeeded, [F("scan", "a"), F("scan", "b")]));
        var gaps = GapRegister.Build(run);

        var states = GapStates.Of(run, gaps, ReportOptions.Default);

        Assert.Null(states.PreviousRunId);
        Assert.All(gaps.Gaps, g => Assert.Equal(GapState.New, states.Of(g)));
        Assert.Empty(states.Gone);
    }
}
