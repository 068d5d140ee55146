using System.Text.Json.Nodes;
using Muster.Agents;
using Muster.Engine;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

/// <summary>SARIF as GitHub code scanning ingests it: the multitool's SARIF and GHAS rules, zero errors and warnings.</summary>
public sealed class SarifGitHubIngestionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-sarif-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Representative_report_passes_the_github_ingestion_rules()
    {
        var verdict = await Validate(ReportFixture.Representative(), GoldenReportTests.Options);

        Assert.True(verdict.Errors == 0 && verdict.Warnings == 0, verdict.ToString());
    }

    [Fact]
    public async Task Every_agents_unlocated_findings_are_located_and_pass_the_github_ingestion_rules()
    {
        // One unlocated finding per registered agent kind, half of them with a located sibling, and no plan file:
        // the anchors must still give every result a location GitHub accepts.
        var kinds = Muster.Composition.BuiltInAgents.CreateRegistry().Kinds.ToList();
        var agents = kinds.Select((kind, i) => new AgentOutcome
        {
            AgentId = kind,
            Kind = kind,
            Role = AgentRole.Scanner,
            WaveIndex = 0,
            State = AgentState.Succeeded,
            Result = new AgentResult
            {
                Findings =
                [
                    new Finding
                    {
                        RuleId = $"{kind}/run-level", Title = $"{kind} run-level finding", Severity = (Severity)(i % 5), Category = "verification",
                        Message = $"{kind} reports something about the whole run", AgentId = kind,
                    }.WithDefaultFingerprint(),
                    .. i % 2 == 0
                        ? new[]
                        {
                            new Finding
                            {
                                RuleId = $"{kind}/located", Title = "Located", Severity = Severity.Low, Category = "verification",
                                Message = "m", Location = new SourceLocation($"{kind}/input.txt", 2), AgentId = kind,
                            }.WithDefaultFingerprint(),
                        }
                        : [],
                ],
            },
        }).ToList();
        var outcome = new RunOutcome
        {
            RunId = "20260101-000000-unlo",
            PlanName = "every agent",
            Root = "/srv/repo/sub",
            Status = RunStatus.Completed,
            Agents = agents,
            StartedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero),
        };

        var text = await ReportWriter.RenderAsync(outcome, ReportFormat.Sarif, GoldenReportTests.Options with { SarifRoot = "/srv/repo" });
        var results = JsonNode.Parse(text)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(kinds.Count + (kinds.Count + 1) / 2, results.Count);
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(
            r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>())));
        Assert.Equal(kinds.Count, results.Count(r => r!["properties"]!["locationAnchor"] is not null));

        var verdict = await ValidateText(text);
        Assert.True(verdict.Errors == 0 && verdict.Warnings == 0, verdict.ToString());
    }

    [Fact]
    public async Task The_validator_catches_a_result_without_a_location()
    {
        // Guards the check itself: the upload GitHub rejected before every result was located.
        var sarif = JsonNode.Parse(await ReportWriter.RenderAsync(ReportFixture.Representative(), ReportFormat.Sarif, GoldenReportTests.Options))!;
        sarif["runs"]![0]!["results"]![0]!.AsObject().Remove("locations");

        var verdict = await ValidateText(sarif.ToJsonString());

        Assert.True(verdict.Errors > 0, verdict.ToString());
    }

    private async Task<SarifMultitool.Verdict> Validate(RunOutcome outcome, ReportOptions options) =>
        await ValidateText(await ReportWriter.RenderAsync(outcome, ReportFormat.Sarif, options));

    private async Task<SarifMultitool.Verdict> ValidateText(string sarif)
    {
        var file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".sarif");
        await File.WriteAllTextAsync(file, sarif);
        return await SarifMultitool.ValidateAsync(file);
    }
}
