using Muster.Agents.Secrets;
using Muster.Engine;
using Muster.Model;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Leaks;

public class StampScrubTests
{
    [Fact]
    public void Remediation_and_property_values_are_scrubbed_before_they_leave_the_agent()
    {
        var key = Planted.Anthropic(401);
        var finding = new Finding
        {
            RuleId = "infra.claim-drift",
            Title = "t",
            Severity = Severity.Medium,
            Category = "infra",
            Message = "m",
            Remediation = $"rotate {key}",
            Properties = new Dictionary<string, string> { ["subject"] = $"svc {key}" },
        };

        var stamped = InProcessAgentExecutor.Stamp(new AgentResult { Findings = [finding] }, "a", new RuleBasedSecretScrubber());

        var f = Assert.Single(stamped.Findings);
        Assert.DoesNotContain(key, f.Remediation, StringComparison.Ordinal);
        Assert.DoesNotContain(key, f.Properties["subject"], StringComparison.Ordinal);
        Assert.StartsWith("svc ", f.Properties["subject"], StringComparison.Ordinal);
    }
}
