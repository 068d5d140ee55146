using Muster.Agents;
using Muster.Agents.Command;
using Muster.Composition;
using Muster.Model;
using YamlDotNet.RepresentationModel;

namespace Muster.Tests.Agents.Command;

public class SampleTests
{
    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Muster.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        return dir;
    }

    [Fact]
    public async Task Sample_sarif_tool_runs_through_the_command_agent()
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", "# Status\n\nAll 20/20 containers running.\nHe said \"6/7 services up\" \\o/\n");
        root.Write("config/.env", "DEBUG=1\n");
        root.Write("config/.env.example", "DEBUG=\n");
        var settings = new Dictionary<string, object?>
        {
            ["program"] = Path.Combine(RepoRoot(), "samples", "tools", "status-claims-sarif.sh"),
            ["parser"] = "sarif",
        };

        var result = await new CommandAgent().RunAsync(TestContexts.For(root.Path, settings), default);

        Assert.Equal(3, result.Findings.Count);
        var env = result.Findings.Single(f => f.RuleId == "muster-sample/env-file");
        Assert.Equal(new SourceLocation("config/.env", 1), env.Location);
        Assert.Equal(Severity.High, env.Severity);
        var claims = result.Findings.Where(f => f.RuleId == "muster-sample/status-claim").OrderBy(f => f.Location!.Line).ToList();
        Assert.Equal([3, 4], claims.Select(c => c.Location!.Line));
        Assert.Equal("He said \"6/7 services up\" \\o/", claims[1].Evidence);
    }

    [Fact]
    public void Sample_plan_uses_only_known_agent_kinds_and_settings()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoRoot(), "samples", "plans", "agents.yaml"))));
        var plan = (YamlMappingNode)yaml.Documents[0].RootNode;
        var registry = BuiltInAgents.CreateRegistry();
        var kinds = new List<string>();
        foreach (YamlMappingNode wave in (YamlSequenceNode)plan["waves"])
        {
            foreach (YamlMappingNode agent in (YamlSequenceNode)wave["agents"])
            {
                var kind = ((YamlScalarNode)agent["kind"]).Value!;
                kinds.Add(kind);
                var known = registry.Get(kind).SettingKeys!;
                foreach (var key in ((YamlMappingNode)agent["with"]).Children.Keys.Cast<YamlScalarNode>())
                {
                    Assert.Contains(key.Value!, known);
                }
            }
        }
        Assert.Contains("command", kinds);
        Assert.Contains("llm", kinds);
        Assert.Equal("5", ((YamlScalarNode)((YamlMappingNode)plan["budget"])["usd"]).Value);
    }
}
