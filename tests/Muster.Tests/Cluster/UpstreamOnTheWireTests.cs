using Muster.Agents;
using Muster.Cluster.Coordinator;
using Muster.Cluster.Wire;
using Muster.Composition;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Tests.Engine;

namespace Muster.Tests.Cluster;

/// <summary>
/// What an attempt carries to its worker of earlier waves' outputs: nothing for the kinds that never read them (else
/// each of N agents would carry every earlier finding, N² on the wire), and for the llm agent one scrubbed copy per wave.
/// </summary>
public sealed class UpstreamOnTheWireTests
{
    private readonly KnownSecretsScrubber _scrubber = new(NoSecretScrubber.Instance);

    private ClusterAgentExecutor Executor() =>
        new(new WorkerDirectory(null!), new AgentExecutorContext(BuiltInAgents.CreateRegistry(), _scrubber, TimeProvider.System, null, "coordinator", new RecordingObserver()));

    private static IReadOnlyList<PriorOutput> Upstream(string message) =>
        Enumerable.Range(1, 3).Select(i => new PriorOutput($"a{i}", "noop", AgentRole.Scanner, AgentState.Succeeded, $"summary {i}",
            [new Finding { RuleId = "r", Title = "t", Severity = Severity.Low, Category = "c", Message = message }], [])).ToList();

    private static AgentInvocation Invocation(string kind, IReadOnlyList<PriorOutput> upstream) =>
        new("run", new AgentSpec { Id = "x", Kind = kind, Role = AgentRole.Scanner, SoftTimeout = TimeSpan.FromMinutes(1), HardTimeout = TimeSpan.FromMinutes(2) },
            "/tmp", 1, upstream, new Dictionary<string, string>(), new RunServices(), _ => { });

    [Theory]
    [InlineData("noop")]
    [InlineData("secrets")]
    [InlineData("command")]
    public void Kinds_that_do_not_read_upstream_get_none(string kind)
    {
        var request = Executor().Request(Invocation(kind, Upstream("plain")));
        Assert.Empty(WireJson.ReadUpstream(request.UpstreamJson));
    }

    [Fact]
    public void The_llm_agent_gets_every_earlier_output()
    {
        var request = Executor().Request(Invocation("llm", Upstream("plain")));
        var upstream = WireJson.ReadUpstream(request.UpstreamJson);
        Assert.Equal(["a1", "a2", "a3"], upstream.Select(u => u.AgentId));
        Assert.All(upstream, u => Assert.Equal("plain", Assert.Single(u.Findings).Message));
    }

    [Fact]
    public void A_wave_shares_one_copy_until_the_run_learns_a_secret_which_is_then_scrubbed_from_it()
    {
        var secret = "learnt-" + Guid.NewGuid().ToString("N");
        var upstream = Upstream($"value {secret}");
        var executor = Executor();
        var first = executor.Request(Invocation("llm", upstream)).UpstreamJson;
        Assert.Same(first, executor.Request(Invocation("llm", upstream)).UpstreamJson);
        Assert.Contains(secret, first, StringComparison.Ordinal);

        _scrubber.Remember(secret);
        var after = executor.Request(Invocation("llm", upstream)).UpstreamJson;
        Assert.DoesNotContain(secret, after, StringComparison.Ordinal);
        Assert.NotSame(first, after);
    }
}
