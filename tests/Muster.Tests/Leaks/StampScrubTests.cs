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

    [Fact]
    public void A_file_or_folder_name_holding_a_key_is_scrubbed_in_the_location()
    {
        var key = Planted.OpenAiProject(402);
        var token = Planted.GitHub(403);
        var finding = new Finding
        {
            RuleId = "secrets/openai-project-key",
            Title = "t",
            Severity = Severity.Critical,
            Category = "secrets",
            Message = "m",
            Location = new SourceLocation($"names/{token}/{key}.txt", 3),
        };

        var stamped = InProcessAgentExecutor.Stamp(new AgentResult { Findings = [finding] }, "a", new RuleBasedSecretScrubber());

        var location = Assert.Single(stamped.Findings).Location!;
        Assert.Equal($"names/{Redaction.Redact(token)}/{Redaction.Redact(key)}.txt", location.Path);
        Assert.Equal(3, location.Line);
    }
}
