using Muster.Model;

namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>One env file, one finding, at the severity its contents deserve.</summary>
public sealed class EnvOneFindingTests
{
    [Fact]
    public async Task A_committed_env_file_with_settings_only_is_low_and_reported_once()
    {
        using var harness = new ConfigAuditHarness().Write(".env", "TZ=Europe/Berlin\nMEDIA_PATH=/srv/media\n");
        harness.Git("init", "-q");
        harness.Git("add", "-f", ".env");

        var findings = (await harness.RunAsync()).Findings.Where(f => f.Location?.Path == ".env").ToList();

        Assert.Equal("MUSTER-ENV-006", Assert.Single(findings).RuleId);
    }

    [Fact]
    public async Task A_committed_test_env_full_of_fake_values_is_low()
    {
        using var harness = new ConfigAuditHarness().Write(".env.test", "API_KEY=fake-api-key-for-tests\nDB_PASSWORD=fake-password\nRUNNERS_AUTH_TOKEN=changeRunnerAuthToken\nPOSTGRES_PASSWORD=changePassword\nDATABASE_URL=postgres://app:fake@localhost/app\n");
        harness.Git("init", "-q");
        harness.Git("add", "-f", ".env.test");

        var findings = (await harness.RunAsync()).Findings.Where(f => f.Location?.Path == ".env.test").ToList();

        Assert.Equal("MUSTER-ENV-006", Assert.Single(findings).RuleId);
    }

    [Fact]
    public async Task A_committed_env_file_with_a_real_looking_password_is_critical_only()
    {
        using var harness = new ConfigAuditHarness().Write(".env", "TZ=UTC\nDB_PASSWORD=@SECRET@\n");
        harness.Git("init", "-q");
        harness.Git("add", "-f", ".env");

        var findings = (await harness.RunAsync()).Findings.Where(f => f.Location?.Path == ".env" && f.RuleId != "MUSTER-ENV-005").ToList();

        var hit = Assert.Single(findings);
        Assert.Equal("MUSTER-ENV-002", hit.RuleId);
        Assert.Contains("DB_PASSWORD", hit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigAuditHarness.Secret, hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".env.test", Severity.Medium)]
    [InlineData(".env.testing", Severity.Medium)]
    [InlineData("web/.env.test.local", Severity.Medium)]
    [InlineData(".env.dusk.local", Severity.Medium)]
    [InlineData(".env.ci", Severity.Critical)]
    [InlineData(".env.production", Severity.Critical)]
    public async Task A_committed_env_file_named_for_the_test_environment_is_test_material(string path, Severity expected)
    {
        using var harness = new ConfigAuditHarness().Write(path, "APP_ENV=testing\nAPP_KEY=base64:@SECRET@\n");
        harness.Git("init", "-q");
        harness.Git("add", "-f", path);

        var findings = (await harness.RunAsync()).Findings.Where(f => f.Location?.Path == path && f.RuleId != "MUSTER-ENV-005").ToList();

        var hit = Assert.Single(findings);
        Assert.Equal(("MUSTER-ENV-002", expected), (hit.RuleId, hit.Severity));
        Assert.Equal(expected == Severity.Medium, hit.Message.Contains("Test material", StringComparison.Ordinal));
    }
}
