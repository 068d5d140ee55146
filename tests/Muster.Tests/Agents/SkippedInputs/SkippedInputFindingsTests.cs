using Muster.Agents;
using Muster.Agents.AgentDefinitions;
using Muster.Agents.ConfigAudit;
using Muster.Agents.Dependencies;
using Muster.Agents.Imports;
using Muster.Agents.InfraState;
using Muster.Agents.Mcp;
using Muster.Agents.TestHygiene;
using Muster.Model;

namespace Muster.Tests.Agents.SkippedInputs;

/// <summary>
/// Every agent that skips a file for its size says so with one INFO finding at the file, naming the size, the limit
/// and the setting that raises it; files one byte over each limit, and one byte under, which are read.
/// </summary>
public sealed class SkippedInputFindingsTests : IDisposable
{
    private const string Rule = SkippedInputFindings.RuleId;
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    /// <summary>Writes <paramref name="head"/> padded with spaces (and a final newline) to exactly <paramref name="bytes"/> bytes.</summary>
    private void WriteSized(string relative, string head, long bytes)
    {
        Assert.True(head.Length + 1 <= bytes);
        _tree.Write(relative, head + new string(' ', (int)(bytes - head.Length - 1)) + "\n");
        Assert.Equal(bytes, new FileInfo(Path.Combine(_tree.Path, relative)).Length);
    }

    private Task<AgentResult> Run(AgentDescriptor descriptor, Dictionary<string, object?>? settings = null) =>
        descriptor.Create().RunAsync(new AgentContext
        {
            RunId = "r",
            AgentId = descriptor.Kind,
            Kind = descriptor.Kind,
            Role = descriptor.DefaultRole,
            Root = _tree.Path,
            Settings = new AgentSettings(settings ?? []),
        }, CancellationToken.None);

    private static Finding Skipped(AgentResult result, string path)
    {
        var finding = Assert.Single(result.Findings, f => f.RuleId == Rule);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(new SourceLocation(path), finding.Location);
        Assert.StartsWith("Not verified: ", finding.Message, StringComparison.Ordinal);
        Assert.NotEqual("", finding.Fingerprint);
        return finding;
    }

    [Fact]
    public async Task A_2_MB_mcp_json_is_a_finding_and_the_summary_never_says_nothing_is_configured()
    {
        const long limit = 1024 * 1024;
        WriteSized(".mcp.json", """{ "mcpServers": { "github": { "command": "gh-mcp" } } }""", 2 * limit);
        WriteSized("big-data.json", """{ "rows": [] }""", limit + 1); // cannot hold a server block: not an MCP config
        _tree.Write("STATUS.md", "# Status\n\n3 MCP servers configured.\n");

        var result = await Run(McpServersAgent.Descriptor);

        var finding = Skipped(result, ".mcp.json");
        Assert.Contains("2,097,152 bytes exceeds the 1,048,576-byte limit (setting `max-file-bytes`)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("MCP servers it may declare", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("No MCP servers configured", result.Summary, StringComparison.Ordinal);
        Assert.Contains("1 MCP config not read (too large): not verified", result.Summary, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics["configs_not_read"]);
        // The claim cannot be checked against a config nobody read: unverified, not a mismatch with "0 found".
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-MCP-CLAIM-MISMATCH");
        var claim = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-CLAIM-UNVERIFIED");
        Assert.Equal("unverified", claim.Properties["verification"]);
    }

    [Fact]
    public async Task An_mcp_config_at_the_limit_is_read()
    {
        WriteSized(".mcp.json", """{ "mcpServers": { "github": { "command": "gh-mcp" } } }""", 1000);

        var result = await Run(McpServersAgent.Descriptor, new() { ["max-file-bytes"] = "1000" });

        Assert.DoesNotContain(result.Findings, f => f.RuleId == Rule);
        Assert.Equal(1, result.Metrics["configured"]);
    }

    [Fact]
    public async Task A_status_document_over_the_limit_leaves_its_claims_unverified_in_infra_state()
    {
        WriteSized("STATUS.md", "# Status\n\n20/20 containers running\n", 4 * 1024 * 1024 + 1);

        var result = await Run(InfraStateAgent.Descriptor, new() { ["engine"] = "false" });

        var finding = Skipped(result, "STATUS.md");
        Assert.Contains("4,194,305 bytes exceeds the 4,194,304-byte limit (setting `max-document-bytes`)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("status claims", finding.Message, StringComparison.Ordinal);
        Assert.Equal("unverified", finding.Properties["verification"]);
        Assert.True(Muster.Gates.GateEvaluator.IsUnverifiedClaim(finding));
        Assert.Contains("1 status document not read (too large): not verified", result.Summary, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics["documents_not_read"]);
    }

    [Fact]
    public async Task The_document_limit_of_infra_state_is_a_setting()
    {
        WriteSized("STATUS.md", "# Status\n\n20/20 containers running\n", 5000);

        var under = await Run(InfraStateAgent.Descriptor, new() { ["engine"] = "false", ["max-document-bytes"] = "5000" });
        var over = await Run(InfraStateAgent.Descriptor, new() { ["engine"] = "false", ["max-document-bytes"] = "4999" });

        Assert.DoesNotContain(under.Findings, f => f.RuleId == Rule);
        Assert.Equal(1, under.Metrics[GateMetricNames.Claims]);
        Skipped(over, "STATUS.md");
        Assert.Equal(0, over.Metrics[GateMetricNames.Claims]);
    }

    [Fact]
    public async Task Config_files_over_the_limit_are_findings_not_only_a_summary_line()
    {
        WriteSized("docker-compose.yml", "services:\n  web:\n    image: nginx:latest\n    privileged: true\n", 501);
        WriteSized("deploy/Dockerfile", "FROM ubuntu\n", 500);

        var result = await Run(ConfigAuditAgent.Descriptor, new() { ["max-file-bytes"] = "500" });

        var finding = Skipped(result, "docker-compose.yml");
        Assert.Contains("501 bytes exceeds the 500-byte limit (setting `max-file-bytes`)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("config-audit", finding.AgentId);
        Assert.Contains("1 config file not read (too large): not verified (docker-compose.yml).", result.Summary, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics["not_audited_files"]);
        Assert.Contains(result.Findings, f => f.Location?.Path == "deploy/Dockerfile" && f.RuleId != Rule);
    }

    [Fact]
    public async Task A_test_file_over_the_limit_is_a_finding()
    {
        WriteSized("tests/test_big.py", "def test_one():\n    pass\n", 2 * 1024 * 1024 + 1);
        _tree.Write("tests/test_small.py", "def test_two():\n    pass\n");

        var result = await Run(TestHygieneAgent.Descriptor);

        var finding = Skipped(result, "tests/test_big.py");
        Assert.Contains("exceeds the 2,097,152-byte limit (setting `max-file-bytes`)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics[GateMetricNames.TestsTotal]);
        Assert.Equal(1, result.Metrics["files_not_counted"]);
    }

    [Fact]
    public async Task A_source_file_over_the_limit_is_a_finding_of_the_imports_agent()
    {
        WriteSized("app/big.py", "import os\n", 1001);
        _tree.Write("app/small.py", "import os\n");

        var result = await Run(ImportsAgent.Descriptor, new() { ["max-file-bytes"] = "1000" });

        var finding = Skipped(result, "app/big.py");
        Assert.Contains("1,001 bytes exceeds the 1,000-byte limit (setting `max-file-bytes`); the imports in it were not checked", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics["python_files"]);
    }

    [Fact]
    public async Task A_manifest_over_the_limit_is_one_finding_of_the_shared_rule()
    {
        WriteSized("requirements.txt", "requests==2.31.0\n", 1001);
        _tree.Write("web/package.json", """{ "name": "web", "dependencies": { "left-pad": "1.3.0" } }""");

        var result = await Run(DependenciesAgent.Descriptor, new() { ["max-manifest-bytes"] = "1000" });

        var finding = Skipped(result, "requirements.txt");
        Assert.Contains("(setting `max-manifest-bytes`)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DEP-SCAN-ERROR" && f.Location?.Path == "requirements.txt");
        Assert.Equal(1, result.Metrics["packages"]);
    }

    [Fact]
    public async Task Agent_definitions_and_status_documents_over_their_limits_are_findings()
    {
        WriteSized(".claude/agents/big.md", "---\nname: big\ntools: Read\n---\n", 1001);
        WriteSized("notes/huge.yaml", "name: nightly\nwaves:\n  - name: one\n", 1001);
        WriteSized("docs/bulk.yaml", "rows: []\n", 1001); // not a definition: no finding
        WriteSized("docs/STATUS.md", "We run 14 agents.\n", 2001);

        var result = await Run(AgentDefinitionsAgent.Descriptor, new() { ["max-file-bytes"] = "1000", ["max-document-bytes"] = "2000" });

        var skipped = result.Findings.Where(f => f.RuleId == Rule).OrderBy(f => f.Location!.Path, StringComparer.Ordinal).ToList();
        Assert.Equal([".claude/agents/big.md", "docs/STATUS.md", "notes/huge.yaml"], skipped.Select(f => f.Location!.Path));
        Assert.Contains("(setting `max-document-bytes`)", skipped[1].Message, StringComparison.Ordinal);
        Assert.Contains("(setting `max-file-bytes`)", skipped[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-AGENT-CLAIM-MISMATCH");
        Assert.Contains("2 definition files not read (too large): not verified", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marker_split_across_read_blocks_is_found()
    {
        var full = _tree.Write("split.json", "");
        using (var stream = File.Create(full))
        {
            stream.Write(new byte[(1 << 20) - 4]);
            stream.Write("mcpServers"u8);
        }
        var without = _tree.Write("plain.json", new string('x', (1 << 20) + 100));

        Assert.True(Muster.Workspace.FileContains.Ascii(full, "mcpServers"));
        Assert.False(Muster.Workspace.FileContains.Ascii(without, "mcpServers"));
    }
}
