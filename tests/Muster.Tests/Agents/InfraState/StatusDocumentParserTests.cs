using Muster.Formats.Markdown;

namespace Muster.Tests.Agents.InfraState;

public class StatusDocumentParserTests
{
    private const string Document = """
        # Ecosystem status

        **Infrastructure**: 20/20 containers running
        | **Services Configured** | 18-service Docker stack |

        MCP servers: 10 configured, 5 active
        AWS: Integrated

        | Component | Configured | Deployed | Status |
        |-----------|------------|----------|--------|
        | Docker Services | 18 | 0 (VPS pending) | Partial |
        | MCP Servers | 10 | 5 active | Running |
        | AWS Services | 10 | 0 | "Integrated" |

        - ✅ postgres running
        - grafana ✅ Deployed
        - [x] Start n8n container (running)
        - [ ] Deploy ollama running on GPU
        - [x] Write the README

        ```
        20/20 containers running inside a code block is not a claim
        ```

        Audit found 6/7 running.
        Tests are running fine on CI.
        """;

    private static IReadOnlyList<StatusClaim> Claims => StatusDocumentParser.Parse(Document, "STATUS.md");

    [Fact]
    public void Finds_every_claim_with_its_line()
    {
        Assert.Equal([3, 4, 6, 7, 11, 12, 13, 15, 16, 17, 25], Claims.Select(c => c.Line));
    }

    [Fact]
    public void Ratio_claim_keeps_both_numbers()
    {
        var claim = Claims.Single(c => c.Line == 3);

        Assert.Equal(ClaimKind.RunningRatio, claim.Kind);
        Assert.Equal("containers", claim.Subject);
        Assert.Equal(20, claim.Running);
        Assert.Equal(20, claim.Total);
        Assert.Equal("20/20 running", claim.Describe());
    }

    [Fact]
    public void Ratio_without_a_noun_takes_the_state_word()
    {
        var claim = Claims.Single(c => c.Line == 25);

        Assert.Equal((6, 7), (claim.Running, claim.Total));
        Assert.Equal("running", claim.Status);
    }

    [Fact]
    public void Service_count_is_a_configured_claim()
    {
        var claim = Claims.Single(c => c.Line == 4);

        Assert.Equal(ClaimKind.ConfiguredCount, claim.Kind);
        Assert.Equal("Services Configured", claim.Subject);
        Assert.Equal(18, claim.Configured);
    }

    [Fact]
    public void Configured_and_active_on_one_line_make_one_claim()
    {
        var claim = Claims.Single(c => c.Line == 6);

        Assert.Equal(ClaimKind.RunningCount, claim.Kind);
        Assert.Equal("MCP servers", claim.Subject);
        Assert.Equal((10, 5), (claim.Configured, claim.Running));
        Assert.Equal("active", claim.Status);
    }

    [Fact]
    public void Colon_status_is_a_marker()
    {
        var claim = Claims.Single(c => c.Line == 7);

        Assert.Equal((ClaimKind.StatusMarker, "AWS", "integrated"), (claim.Kind, claim.Subject, claim.Status));
    }

    [Fact]
    public void Status_table_rows_read_their_columns()
    {
        var docker = Claims.Single(c => c.Line == 11);
        var mcp = Claims.Single(c => c.Line == 12);
        var aws = Claims.Single(c => c.Line == 13);

        Assert.Equal((ClaimKind.TableRow, "Docker Services", 18, 0, (string?)null), (docker.Kind, docker.Subject, docker.Configured, docker.Deployed, docker.Status));
        Assert.Equal(("MCP Servers", 10, 5, "running"), (mcp.Subject, mcp.Configured, mcp.Deployed, mcp.Status));
        Assert.Equal(("AWS Services", 10, 0, "integrated"), (aws.Subject, aws.Configured, aws.Deployed, aws.Status));
    }

    [Fact]
    public void Check_markers_name_their_subject()
    {
        Assert.Equal(("postgres", "running"), (Claims.Single(c => c.Line == 15).Subject, Claims.Single(c => c.Line == 15).Status));
        Assert.Equal(("grafana", "deployed"), (Claims.Single(c => c.Line == 16).Subject, Claims.Single(c => c.Line == 16).Status));
    }

    [Fact]
    public void Only_ticked_checklist_items_that_say_something_runs_are_claims()
    {
        var claim = Claims.Single(c => c.Kind == ClaimKind.Checklist);

        Assert.Equal(17, claim.Line);
        Assert.Equal("running", claim.Status);
        Assert.Contains("n8n", claim.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_without_numbers_or_markers_is_not_a_claim()
    {
        Assert.Empty(StatusDocumentParser.Parse("We are running late.\nThe stack is great.\n| a | b |\n|---|---|\n| x | y |\n", "README.md"));
    }
}
