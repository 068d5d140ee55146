using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Tests.Golden;

namespace Muster.Tests.Fleet;

/// <summary>The README's "Several hosts" plan: the secrets agent on two hosts, each with its own named root.</summary>
public sealed class FleetSamplePlanTests
{
    [Fact]
    public void The_fleet_sample_places_the_secrets_agent_on_two_hosts_with_different_roots()
    {
        var path = Path.Combine(GoldenFile.RepositoryRoot(), "samples", "plans", "fleet.yaml");

        var plan = new PlanParser(BuiltInAgents.CreateRegistry()).ParseFile(path);

        Assert.Equal(
            [("secrets-vps", "secrets", "host=vps1", "deploy"), ("secrets-workstation", "secrets", "host=workstation", "workspace")],
            plan.AllAgents.Select(a => (a.Id, a.Kind, string.Join(",", a.On.Select(l => $"{l.Key}={l.Value}")), a.RootName ?? "-")).Order());
    }
}
