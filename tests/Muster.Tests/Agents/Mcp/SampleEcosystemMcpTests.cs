using System.Diagnostics;
using Muster.Agents;
using Muster.Agents.AgentDefinitions;
using Muster.Agents.Mcp;
using Muster.Model;

namespace Muster.Tests.Agents.Mcp;

/// <summary>The sample ecosystem's MCP and agent side, laid out with its real generator and audited with servers started.</summary>
public sealed class SampleEcosystemMcpTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-sample-mcp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Repository => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private AgentContext Context(string kind, AgentRole role) => new()
    {
        RunId = "r",
        AgentId = kind,
        Kind = kind,
        Role = role,
        Root = _root,
        RunParameters = new Dictionary<string, string> { [McpServersAgent.StartServersParameter] = "true" },
    };

    [Fact]
    public async Task The_generated_sample_has_a_working_server_a_broken_one_a_literal_key_and_over_claims()
    {
        CopyFolder(Path.Combine(Repository, "samples", "ecosystem"), _root);
        var generator = new ProcessStartInfo("bash") { ArgumentList = { Path.Combine(Repository, "samples", "generators", "mcp.sh"), _root }, UseShellExecute = false };
        generator.Environment["MUSTER_CLI_DLL"] = Path.Combine(AppContext.BaseDirectory, "Muster.Cli.dll");
        using (var process = Process.Start(generator)!)
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }

        var mcp = McpServersAgent.Descriptor.Create();
        var result = await mcp.RunAsync(Context("mcp-servers", AgentRole.Verification), CancellationToken.None);

        Assert.Equal(1, result.Metrics["verified_working"]);
        Assert.Equal(6, result.Metrics["tools"]); // Muster's own MCP tools
        Assert.Equal("unity-editor", Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-COMMAND-NOT-FOUND").Properties["server"]);
        Assert.Equal("openai-assets", Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-LITERAL-SECRET").Properties["server"]);
        Assert.Equal("openai-assets", Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-SERVER-FAILED").Properties["server"]);
        var claims = result.Findings.Where(f => f.RuleId == "MUSTER-MCP-CLAIM-MISMATCH").ToList();
        // Each over-claiming line ("10 configured, 5 active") gives two: 10 configured vs 3 found; 5 active vs 1 answering.
        Assert.Equal(2, claims.Count(f => f.Location!.Path == "docs/AGENT-FLEET-STATUS.md"));
        Assert.Equal(4, claims.Count(f => f.Location!.Path == "ZIGGIE-ECOSYSTEM-MASTER-STATUS.md"));
        Assert.Equal(6, claims.Count);

        var definitions = AgentDefinitionsAgent.Descriptor.Create();
        var inventory = await definitions.RunAsync(Context("agent-definitions", AgentRole.Scanner), CancellationToken.None);
        Assert.Equal("mcp__aws-console__list_buckets", Assert.Single(inventory.Findings, f => f.RuleId == "MUSTER-AGENT-UNKNOWN-TOOL").Properties["value"]);
        Assert.Equal(2, inventory.Findings.Count(f => f.RuleId == "MUSTER-AGENT-CLAIM-MISMATCH" && f.Severity == Severity.High));
    }
}
