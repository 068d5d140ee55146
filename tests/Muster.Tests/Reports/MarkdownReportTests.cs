using Muster.Engine;
using Muster.Model;
using Muster.Reports;
using Muster.Reports.Markdown;

namespace Muster.Tests.Reports;

public class MarkdownReportTests
{
    private static Task<string> Render(RunOutcome outcome) =>
        ReportWriter.RenderAsync(outcome, ReportFormat.Markdown, GoldenReportTests.Options);

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("line1\nline2\r\nline3", "line1<br>line2<br>line3")]
    [InlineData("*bold* _it_ [link](x) <b>", "\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\>")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("back\\slash `code`", "back\\\\slash \\`code\\`")]
    [InlineData("&lt; is literal", "\\&lt; is literal")]
    public void Inline_text_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Inline(text));
    }

    [Theory]
    [InlineData("plain", false, "`plain`")]
    [InlineData("has `tick`", false, "`` has `tick` ``")]
    [InlineData("`edge", false, "`` `edge ``")]
    [InlineData("a|b", true, "`a\\|b`")]
    [InlineData("a|b", false, "`a|b`")]
    [InlineData("two\nlines", false, "`two lines`")]
    public void Code_spans_survive_backticks_pipes_and_newlines(string text, bool inTable, string expected)
    {
        Assert.Equal(expected, MarkdownText.Code(text, inTable));
    }

    [Fact]
    public async Task Every_table_row_has_as_many_cells_as_its_header()
    {
        var markdown = await Render(ReportFixture.Representative());

        var blocks = markdown.Split("\n\n").Where(b => b.StartsWith("| ", StringComparison.Ordinal));
        foreach (var block in blocks)
        {
            var rows = block.Split('\n');
            var expected = CellCount(rows[0]);
            Assert.All(rows, row => Assert.Equal(expected, CellCount(row)));
        }
        Assert.Equal(15, blocks.Count());
    }

    [Fact]
    public async Task Agent_performance_table_has_the_seed_columns_and_token_columns_only_when_reported()
    {
        var withTokens = await Render(ReportFixture.Representative());
        var withoutTokens = await Render(ReportFixture.Representative() with
        {
            Agents = ReportFixture.Representative().Agents.Select(a => a with { Result = AgentResult.Empty() }).ToList(),
        });

        Assert.Contains("| Agent Type | Count | Success Rate | Avg Duration | Output Size | Tokens In | Tokens Out | Cost (USD) |", withTokens, StringComparison.Ordinal);
        Assert.Contains("| Agent Type | Count | Success Rate | Avg Duration | Output Size |\n", withoutTokens, StringComparison.Ordinal);
        Assert.DoesNotContain("Tokens In", withoutTokens, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_criterion_and_stop_reason_are_shown()
    {
        var markdown = await Render(ReportFixture.Representative());

        Assert.Contains("| `max-findings: {severity: CRITICAL, count: 0}` | **FAILED** | 1 CRITICAL finding, limit 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Stop reason | wave 'verification' failed", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_and_reused_agents_are_marked()
    {
        var markdown = await Render(ReportFixture.Representative());

        Assert.Contains("| `env-scan` | `secret-scan` | Scanner | 0 | workstation | succeeded | 1 | 2m 05s | ⚠ overdue |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `inventory` | `workspace-inventory` | Scanner | 0 | workstation | succeeded | 1 | 4.3 s | ↻ reused from journal |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_agents_or_findings_says_so_and_claims_no_success()
    {
        var markdown = await Render(new RunOutcome
        {
            RunId = "r0",
            PlanName = "empty",
            Root = "/w",
            Status = RunStatus.Running,
            StartedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });

        Assert.Contains("| Success rate | n/a (no agent finished) |", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Finished:** not finished", markdown, StringComparison.Ordinal);
        Assert.Contains("No wave started.", markdown, StringComparison.Ordinal);
        Assert.EndsWith("No findings.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_findings_with_unfinished_agents_is_not_reported_as_clean()
    {
        var markdown = await Render(new RunOutcome
        {
            RunId = "r1",
            PlanName = "p",
            Root = "/w",
            Status = RunStatus.Completed,
            Agents =
            [
                new AgentOutcome { AgentId = "a", Kind = "k", Role = AgentRole.Scanner, WaveIndex = 0, State = AgentState.Failed, Error = "boom" },
            ],
        });

        Assert.Contains("No findings from the agents that succeeded.", markdown, StringComparison.Ordinal);
        Assert.Contains("| Not verified | 1 agent(s) did not succeed", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\nNo findings.\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.9999, "99.9%")]
    [InlineData(1.0, "100%")]
    [InlineData(0.0, "0%")]
    [InlineData(2.0 / 3, "66.6%")]
    public void Percentages_round_down(double rate, string expected)
    {
        Assert.Equal(expected, ReportText.Percent(rate));
    }

    private static int CellCount(string row)
    {
        var count = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] == '|' && row[i - 1] != '\\') count++;
        }
        return count;
    }
}
