using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

public class ReportSecretTests
{
    public static TheoryData<ReportFormat> Formats => [.. ReportWriter.AllFormats];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task No_report_contains_the_whole_planted_secret(ReportFormat format)
    {
        var secret = ReportFixture.Secret;
        var outcome = ReportFixture.Representative();
        // The redacted form is in the report, so the test would notice a writer that dropped evidence altogether.
        var redacted = Redaction.Redact(secret);

        var text = await ReportWriter.RenderAsync(outcome, format, GoldenReportTests.Options);

        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[7..], text, StringComparison.Ordinal);
        // The summary digest quotes no evidence at all.
        if (format != ReportFormat.Summary) Assert.Contains(redacted, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Secret_planted_in_every_evidence_field_stays_redacted(ReportFormat format)
    {
        var secrets = Enumerable.Range(1, 5).Select(seed => "ghp_" + TestSecrets.Random(seed, 36)).ToList();
        var findings = secrets.Select((secret, i) => new Finding
        {
            RuleId = "secrets/github-token",
            Title = "GitHub token",
            Severity = SeverityText.WorstFirst[i],
            Category = "secrets",
            Message = "A GitHub token is stored in plaintext.",
            Location = new SourceLocation($"keys/token-{i}.txt", 1, 1),
            Evidence = "token: " + Redaction.Redact(secret),
            AgentId = "scan",
            Fingerprint = Fingerprints.ForSecret("salt", "secrets/github-token", $"keys/token-{i}.txt", secret),
        }).ToList();
        var outcome = new RunOutcome
        {
            RunId = "r",
            PlanName = "p",
            Root = "/w",
            Status = RunStatus.Completed,
            Agents =
            [
                new AgentOutcome
                {
                    AgentId = "scan", Kind = "secret-scan", Role = AgentRole.Scanner, WaveIndex = 0,
                    State = AgentState.Succeeded, Result = new AgentResult { Findings = findings },
                },
            ],
        };

        var text = await ReportWriter.RenderAsync(outcome, format, GoldenReportTests.Options);

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            if (format != ReportFormat.Summary) Assert.Contains(Redaction.Redact(secret), text, StringComparison.Ordinal);
        }
    }
}
