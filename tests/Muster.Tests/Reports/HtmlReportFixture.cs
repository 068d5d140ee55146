using Muster.Engine;
using Muster.Gaps;
using Muster.Model;
using Muster.Reports;

namespace Muster.Tests.Reports;

/// <summary>The representative run plus what only report.html draws: infrastructure, a trend, and hostile text.</summary>
internal static class HtmlReportFixture
{
    public const string HostileTitle = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    public static RunOutcome Outcome()
    {
        var run = ReportFixture.Representative();
        const string infrastructure = """
            {"components":[
              {"name":"Docker services (hostinger-vps)","configured":18,"deployed":6,"source":"hostinger-vps/docker-compose.yml"},
              {"name":"AWS services","configured":10,"deployed":null,"deployedText":"unverified"},
              {"name":"MCP servers","configured":10,"deployed":5}
            ]}
            """;
        var agents = run.Agents.Select(a => a.AgentId switch
        {
            "inventory" => a with { Result = a.Result with { Artifacts = [.. a.Result.Artifacts, new Artifact("infrastructure.json", "application/json", infrastructure)] } },
            "gap-analysis" => a with
            {
                Result = a.Result with
                {
                    Findings =
                    [
                        .. a.Result.Findings,
                        new Finding
                        {
                            RuleId = "xss/<b>", Title = HostileTitle, Severity = Severity.High, Category = "tests\"><b>x</b>",
                            Message = "</td></tr></table><h1>broken</h1>", Location = new SourceLocation("web/<evil>.ts", 1), AgentId = "gap-analysis",
                        }.WithDefaultFingerprint(),
                    ],
                },
            },
            _ => a,
        }).ToList();
        return run with { Agents = agents };
    }

    public static ReportOptions Options() => GoldenReportTests.Options with
    {
        History =
        [
            new RunTrendPoint("20251225-090000-aaaa", new DateTimeOffset(2025, 12, 25, 9, 0, 0, TimeSpan.Zero), "completed",
                [new(Severity.Critical, 6), new(Severity.High, 12), new(Severity.Medium, 15), new(Severity.Low, 9)]),
            new RunTrendPoint("20251226-090000-bbbb", new DateTimeOffset(2025, 12, 26, 9, 0, 0, TimeSpan.Zero), "completed",
                [new(Severity.Critical, 3), new(Severity.High, 8), new(Severity.Medium, 11), new(Severity.Low, 7)]),
        ],
    };
}
