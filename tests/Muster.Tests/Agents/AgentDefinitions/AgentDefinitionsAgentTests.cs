using Muster.Agents;
using Muster.Agents.AgentDefinitions;
using Muster.Model;

namespace Muster.Tests.Agents.AgentDefinitions;

public sealed class AgentDefinitionsAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-agentdefs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private Task<AgentResult> Run() => AgentDefinitionsAgent.Descriptor.Create().RunAsync(new AgentContext
    {
        RunId = "r",
        AgentId = "agent-definitions",
        Kind = "agent-definitions",
        Role = AgentRole.Scanner,
        Root = _root,
    }, CancellationToken.None);

    [Fact]
    public async Task Inventories_every_kind_and_flags_tools_and_models_nothing_provides()
    {
        Write(".mcp.json", """{ "mcpServers": { "github": { "command": "gh-mcp" } } }""");
        Write(".claude/agents/l1-scanner.md", "---\nname: l1-scanner\ndescription: L1 scanner\ntools: Read, Grep, Glob, mcp__github__search_code\nmodel: sonnet\n---\nScan.\n");
        Write(".claude/agents/elite-reviewer.md", "---\nname: elite-reviewer\ndescription: Elite review\ntools:\n  - Read\n  - mcp__jira__create_issue\n  - TelepathyTool\nmodel: magic-model-2\n---\n");
        Write(".claude/commands/audit.md", "---\nallowed-tools: Bash(git status:*), Read\ndescription: run an audit\n---\nDo it.\n");
        Write("crew/config/agents.yaml", "researcher:\n  role: >\n    L1 Researcher\n  goal: find things\n  llm: openai/gpt-4o\nanalyst:\n  role: Elite Analyst\n  goal: analyse\n");
        Write("crew/config/tasks.yaml", "research_task:\n  description: research\n  agent: researcher\n");
        Write("plans/nightly.yaml", "name: nightly\nwaves:\n  - name: one\n    agents:\n      - {id: secrets, kind: secrets}\n      - {id: inv, kind: workspace-inventory}\n");

        var result = await Run();

        Assert.Equal(6, result.Metrics["agents"]); // 2 Claude Code + 2 CrewAI + 2 plan agents
        Assert.Equal(8, result.Metrics["definitions"]);
        var tools = result.Findings.Where(f => f.RuleId == "MUSTER-AGENT-UNKNOWN-TOOL").ToList();
        Assert.Equal(["TelepathyTool", "mcp__jira__create_issue"], tools.Select(f => f.Properties["value"]).Order(StringComparer.Ordinal));
        Assert.All(tools, f => Assert.Equal(new SourceLocation(".claude/agents/elite-reviewer.md", 5), f.Location));
        Assert.Contains("no MCP configuration in the workspace declares", tools.Single(f => f.Properties["value"] == "mcp__jira__create_issue").Message, StringComparison.Ordinal);
        var model = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-AGENT-UNKNOWN-MODEL");
        Assert.Equal(new SourceLocation(".claude/agents/elite-reviewer.md", 8), model.Location);
        Assert.Contains("| researcher | crewai agent | crew/config/agents.yaml:1 | L1 Researcher |  | openai/gpt-4o |", result.Artifacts[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_counts_in_status_documents_are_checked_against_the_inventory()
    {
        Write(".claude/agents/l1-a.md", "---\nname: l1-a\ndescription: L1 research\n---\n");
        Write(".claude/agents/l1-b.md", "---\nname: l1-b\ndescription: L1 research\n---\n");
        Write(".claude/agents/bmad-gap.md", "---\nname: bmad-gap\ndescription: BMAD gap analysis\n---\n");
        Write("MASTER-STATUS.md", "# Status\n\n14 L1 agents are deployed.\n| **Agents Deployed** | 21+ (6 L1 + 6 Elite + 9 BMAD) |\nWe run 1 BMAD agent and 3 agents in total.\nDeploying 6-10 agents simultaneously.\n");

        var result = await Run();

        var claims = result.Findings.Where(f => f.RuleId == "MUSTER-AGENT-CLAIM-MISMATCH").OrderBy(f => f.Location!.Line).ToList();
        Assert.Equal([3, 4], claims.Select(f => f.Location!.Line));
        Assert.Equal("Claims 14 L1 agents; 2 agent definitions mentioning 'L1' found in the workspace.", claims[0].Message);
        Assert.Equal(("21+", "3"), (claims[1].Properties["claimed"], claims[1].Properties["found"]));
        Assert.All(claims, f => Assert.Equal(Severity.High, f.Severity));
    }

    [Fact]
    public async Task A_table_row_naming_an_api_in_code_or_a_link_target_is_not_an_agent_count()
    {
        // Shaped after a translated API reference page of an agent SDK: the first cell links `agents.x`, the second
        // is a sentence that starts with a number ("1 つの…": "one …").
        Write("docs/ja/models/index.md",
            "| 方法 | 使用する状況 |\n| --- | --- |\n| [`set_default_client`][agents.set_default_client] | 1 つのエンドポイントを使う場合 |\n" +
            "| `agents.Runner` | 2 回の実行 |\n| [Runner](agents/runner.md) | 3 times |\n| **Agents** | 4 |\n");

        var result = await Run();

        var claim = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-AGENT-CLAIM-MISMATCH");
        Assert.Equal(6, claim.Location!.Line);
    }

    [Theory]
    [InlineData("sonnet", true)]
    [InlineData("claude-sonnet-4-5-20250929", true)]
    [InlineData("openai/gpt-4o", true)]
    [InlineData("o3-mini", true)]
    [InlineData("ollama/llama3.1:8b", true)]
    [InlineData("gpt4-super", false)]
    [InlineData("magic-model", false)]
    public void Knows_model_ids_and_aliases(string model, bool known) => Assert.Equal(known, KnownModels.IsKnown(model));
}
