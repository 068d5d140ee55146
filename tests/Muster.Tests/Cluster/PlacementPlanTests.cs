using Muster.Composition;
using Muster.Engine.Plans;

namespace Muster.Tests.Cluster;

public sealed class PlacementPlanTests
{
    private static readonly PlanParser Parser = new(BuiltInAgents.CreateRegistry());

    [Fact]
    public void A_waves_on_is_the_default_of_its_agents_and_an_agents_own_on_replaces_it()
    {
        var plan = Parser.Parse("""
            name: p
            waves:
              - name: w
                on: {host: vps1, engine: docker}
                agents:
                  - {id: inherits, kind: noop}
                  - {id: own, kind: noop, on: {host: laptop}, root: workspace}
              - name: free
                agents:
                  - {id: anywhere, kind: noop}
            """, "plan.yaml");
        var agents = plan.AllAgents.ToDictionary(a => a.Id);
        Assert.Equal(new Dictionary<string, string> { ["host"] = "vps1", ["engine"] = "docker" }, agents["inherits"].On);
        Assert.Null(agents["inherits"].RootName);
        Assert.Equal(new Dictionary<string, string> { ["host"] = "laptop" }, agents["own"].On);
        Assert.Equal("workspace", agents["own"].RootName);
        Assert.Empty(agents["anywhere"].On);
        Assert.False(agents["anywhere"].IsPlaced);
        Assert.True(agents["inherits"].IsPlaced);
    }

    [Fact]
    public void A_malformed_on_or_root_is_a_plan_error_at_its_line()
    {
        var errors = Assert.Throws<PlanException>(() => Parser.Parse("""
            name: p
            waves:
              - name: w
                on: vps1
                agents:
                  - {id: a, kind: noop, on: {host: "two words"}}
                  - {id: b, kind: noop, root: "../etc"}
                  - {id: c, kind: noop, on: {}}
            """, "plan.yaml")).Errors;
        Assert.Collection(errors,
            e => Assert.Equal((4, "'on' of a wave must be a non-empty mapping of worker labels"), (e.Line, e.Message)),
            e => Assert.Equal((6, "label 'host=two words' may hold only letters, digits, '.', '_' and '-'"), (e.Line, e.Message)),
            e => Assert.Equal((7, "'root' names a worker's root (its --root NAME=PATH), not '../etc'"), (e.Line, e.Message)),
            e => Assert.Equal((8, "'on' of a agent must be a non-empty mapping of worker labels"), (e.Line, e.Message)));
    }
}
