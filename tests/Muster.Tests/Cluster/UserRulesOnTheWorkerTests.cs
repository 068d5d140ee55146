using System.Security.Cryptography;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Cluster.Coordinator;
using Muster.Cluster.Wire;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Runs;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.Engine;
using Muster.Tests.Leaks;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Cluster;

/// <summary>
/// Issue 11: a run's user rule files reach the worker, which scrubs with them before the result crosses the wire; it
/// used its own built-in rules only, so a value only a user rule matches left the worker whole.
/// </summary>
public sealed class UserRulesOnTheWorkerTests(TestWorkers workers) : IClassFixture<TestWorkers>, IDisposable
{
    private readonly TempTree _root = new();

    public void Dispose() => _root.Dispose();

    private static string Token() => "acme_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    [Fact]
    public async Task A_finding_only_a_user_rule_matches_is_redacted_before_it_leaves_the_worker()
    {
        var token = Token();
        Assert.Equal("key " + token, new RuleBasedSecretScrubber().Scrub("key " + token)); // no built-in rule matches it
        var spec = Spec($"{{id: leak, kind: leaky, with: {{secret: \"{token}\"}}}}");

        var wire = await RunOnWorkerAsync(spec, [UserRulesScrubberTests.Rules]);

        Assert.Contains("key acme_", wire, StringComparison.Ordinal);
        LeakCheck.AssertNone(wire, token, "what the worker sent");
    }

    [Fact]
    public async Task A_rule_file_the_secrets_agent_names_under_its_root_on_the_worker_scrubs_its_result_there()
    {
        var token = Token();
        File.WriteAllText(Path.Combine(_root.Path, "acme-rules.yaml"), UserRulesScrubberTests.Rules);
        var folder = Directory.CreateDirectory(Path.Combine(_root.Path, "keys-" + token)).FullName;
        File.WriteAllText(Path.Combine(folder, "deploy.env"), $"GITHUB_TOKEN={Planted.GitHub(23)}\n");
        var spec = Spec("{id: secrets, kind: secrets, with: {rules: acme-rules.yaml, history: none}}");

        var wire = await RunOnWorkerAsync(spec, []);

        Assert.Contains("keys-acme_", wire, StringComparison.Ordinal);
        LeakCheck.AssertNone(wire, token, "what the worker sent");
    }

    [Fact]
    public void The_coordinator_sends_the_rule_files_its_run_scrubber_uses()
    {
        var rules = Path.Combine(_root.Path, "acme-rules.yaml");
        File.WriteAllText(rules, UserRulesScrubberTests.Rules);
        var scrubber = new KnownSecretsScrubber(RunScrubber.For(null, _root.Path, new Dictionary<string, string> { ["rules"] = rules }, new RuleBasedSecretScrubber()));
        var executor = new ClusterAgentExecutor(workers.Directory, new AgentExecutorContext(workers.Registry, scrubber, TimeProvider.System, null, "coordinator", new RecordingObserver()));
        var invocation = new AgentInvocation("run", Spec("{id: x, kind: noop}"), _root.Path, 1, [], new Dictionary<string, string>(), new RunServices(), _ => { });

        Assert.Equal([UserRulesScrubberTests.Rules], executor.Request(invocation).UserRules);
    }

    private AgentSpec Spec(string agent) =>
        new PlanParser(workers.Registry).Parse($"name: p\nwaves:\n  - name: w\n    agents:\n      - {agent}\n", "p.yaml").AllAgents.Single();

    /// <summary>Runs one attempt on worker b through its grain, as the coordinator does; returns the result and findings as sent.</summary>
    private async Task<string> RunOnWorkerAsync(AgentSpec spec, string[] userRules)
    {
        var grain = workers.Directory.Worker("Silo_3");
        var request = new AttemptRequest
        {
            AttemptId = Guid.NewGuid().ToString("N"),
            RunId = "user-rules-" + Guid.NewGuid().ToString("N"),
            Attempt = 1,
            SpecJson = WireJson.WriteSpec(spec),
            RunRoot = _root.Path,
            UpstreamJson = "[]",
            RunParameters = [],
            UserRules = userRules,
        };
        Assert.Null(await grain.StartAsync(request));
        AttemptStatus status;
        do status = await grain.PollAsync(request.AttemptId, TimeSpan.FromSeconds(1));
        while (status.Phase == AttemptPhase.Running);
        Assert.True(status.Phase == AttemptPhase.Succeeded, status.Error);
        var wire = status.ResultJson + await grain.ReadFindingsAsync(request.AttemptId, 0, 100);
        await grain.ReleaseAsync(request.AttemptId);
        return wire;
    }
}
