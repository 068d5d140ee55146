using System.Diagnostics;
using Muster.Agents;
using Muster.Agents.Mcp;
using Muster.Model;
using Muster.Tests.Reports;

namespace Muster.Tests.Agents.Mcp;

/// <summary>The agent against real MCP servers (tests/Muster.Tests.McpServer) started as real processes.</summary>
public sealed class McpServersAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-mcp-agent-").FullName;
    private readonly string _pids = Path.Combine(Path.GetTempPath(), $"muster-mcp-pids-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_pids) + "*")) File.Delete(file);
    }

    private string PidFile(string name) => $"{_pids}-{name}";

    private void Write(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private Task<AgentResult> Run(bool start, string timeout = "10s") =>
        McpServersAgent.Descriptor.Create().RunAsync(new AgentContext
        {
            RunId = "r",
            AgentId = "mcp-servers",
            Kind = "mcp-servers",
            Role = AgentRole.Verification,
            Root = _root,
            Settings = new AgentSettings(new Dictionary<string, object?> { ["timeout"] = timeout }),
            RunParameters = start ? new Dictionary<string, string> { [McpServersAgent.StartServersParameter] = "true" } : new Dictionary<string, string>(),
        }, CancellationToken.None);

    [Fact]
    public async Task Verifies_working_crashing_and_hanging_servers_and_leaves_no_process_behind()
    {
        Write(".mcp.json", $$"""
            {
              "mcpServers": {
            {{TestMcpServer.Entry("works", "works", PidFile("works"))}},
            {{TestMcpServer.Entry("crash", "crash", PidFile("crash"))}},
            {{TestMcpServer.Entry("hang", "hang", PidFile("hang"))}}
              }
            }
            """);

        var clock = Stopwatch.StartNew();
        var result = await Run(start: true, timeout: "6s");
        clock.Stop();

        Assert.Equal(3, result.Metrics["configured"]);
        Assert.Equal(1, result.Metrics["verified_working"]);
        Assert.Equal(2, result.Metrics["tools"]);
        var exited = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-SERVER-EXITED");
        Assert.Equal("crash", exited.Properties["server"]);
        Assert.Equal(Severity.High, exited.Severity);
        Assert.Contains("exited with code 3", exited.Message, StringComparison.Ordinal);
        Assert.Contains("crashing at start as asked", exited.Message, StringComparison.Ordinal); // its stderr
        var hung = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-SERVER-TIMEOUT");
        Assert.Equal("hang", hung.Properties["server"]);
        Assert.Equal(Severity.High, hung.Severity);
        Assert.DoesNotContain(result.Findings, f => f.Properties.GetValueOrDefault("server") == "works");
        Assert.Contains("| works | .mcp.json:3 | stdio | yes | yes | yes | 2 | Works", result.Artifacts[0].Content, StringComparison.Ordinal);
        // Verified side by side, the hanging one cut off at its 6 s bound: far under three timeouts.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");

        var pids = TestMcpServer.Pids(PidFile("works")).Concat(TestMcpServer.Pids(PidFile("crash"))).Concat(TestMcpServer.Pids(PidFile("hang"))).ToList();
        Assert.Equal(2, TestMcpServer.Pids(PidFile("hang")).Count); // the hanging server and the child it started
        Assert.Equal(4, pids.Count);
        Assert.Empty(await TestMcpServer.SurvivorsAsync(pids, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Without_opt_in_nothing_is_started_and_every_server_and_claim_is_unverified()
    {
        Write(".mcp.json", $$"""{ "mcpServers": { {{TestMcpServer.Entry("works", "works", PidFile("off"))}} } }""");
        Write("ECOSYSTEM-STATUS.md", "# Status\n\n| MCP Servers | 1 | 1 active | 100% |\n");

        var result = await Run(start: false);

        Assert.Empty(TestMcpServer.Pids(PidFile("off")));
        Assert.Equal(0, result.Metrics["verified_working"]);
        var unverified = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-UNVERIFIED");
        Assert.Contains("start-servers is off", unverified.Message, StringComparison.Ordinal);
        var claim = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-CLAIM-UNVERIFIED");
        Assert.Equal(Severity.High, claim.Severity);
        Assert.Equal(new SourceLocation("ECOSYSTEM-STATUS.md", 3), claim.Location);
        Assert.True(Muster.Gates.GateEvaluator.IsUnverifiedClaim(claim)); // the Documentation gate counts it
        Assert.Equal(1, result.Metrics["claims"]);
        Assert.Contains("not started: start-servers is off", result.Artifacts[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_is_compared_with_what_answered()
    {
        Write(".mcp.json", $$"""
            { "mcpServers": {
            {{TestMcpServer.Entry("works", "works", PidFile("claim-w"))}},
            {{TestMcpServer.Entry("crash", "crash", PidFile("claim-c"))}}
            } }
            """);
        Write("docs/STATUS.md", "Overview\n10 MCP servers configured, 5 active\n2 MCP servers configured, 1 active\n");

        var result = await Run(start: true);

        var mismatches = result.Findings.Where(f => f.RuleId == "MUSTER-MCP-CLAIM-MISMATCH").ToList();
        Assert.Equal(2, mismatches.Count); // line 2: configured 10 vs 2 and active 5 vs 1; line 3 matches
        Assert.All(mismatches, f => Assert.Equal(2, f.Location!.Line));
        Assert.Contains(mismatches, f => f.Message.Contains("Claims 10 MCP servers configured; 2 found", StringComparison.Ordinal));
        Assert.Contains(mismatches, f => f.Message.Contains("Claims 5 MCP servers active; 1 of 2", StringComparison.Ordinal));
        Assert.Equal(2, mismatches.Select(f => f.Fingerprint).Distinct().Count()); // two claims on one line stay two findings
    }

    [Fact]
    public async Task Missing_command_literal_secret_and_wide_filesystem_root_are_found_without_starting_anything()
    {
        var key = TestSecrets.AnthropicShaped(8);
        Write(".mcp.json", $$"""
            {
              "mcpServers": {
                "ghost": { "command": "muster-no-such-mcp-server-{{Guid.NewGuid():N}}" },
                "keyed": { "url": "http://127.0.0.1:9/mcp", "env": { "ANTHROPIC_API_KEY": "{{key}}", "SAFE": "${ANTHROPIC_API_KEY}" },
                           "headers": { "Authorization": "Bearer ${input:token}" } },
                "fs": { "command": "{{TestMcpServer.Dotnet}}", "args": ["@modelcontextprotocol/server-filesystem", "/", "./inside"] },
                "home": { "command": "{{TestMcpServer.Dotnet}}", "args": ["@modelcontextprotocol/server-filesystem", "~"] }
              }
            }
            """);

        var result = await Run(start: false);

        var ghost = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-COMMAND-NOT-FOUND");
        Assert.Equal(Severity.High, ghost.Severity);
        Assert.Equal(3, ghost.Location!.Line);
        var secret = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-MCP-LITERAL-SECRET");
        Assert.Equal(Severity.Critical, secret.Severity);
        Assert.Equal("ANTHROPIC_API_KEY", secret.Properties["key"]);
        Assert.Equal("ANTHROPIC_API_KEY: " + Redaction.Redact(key), secret.Evidence);
        var wide = result.Findings.Where(f => f.RuleId == "MUSTER-MCP-FS-ROOT-WIDE").ToList();
        Assert.Equal(["fs", "home"], wide.Select(f => f.Properties["server"]).Order(StringComparer.Ordinal));
        Assert.Contains("'/'", wide.Single(f => f.Properties["server"] == "fs").Message, StringComparison.Ordinal);
        var all = string.Join("\n", result.Findings.Select(f => f.Message + f.Evidence + f.Remediation)) + string.Join("\n", result.Artifacts.Select(a => a.Content));
        Assert.DoesNotContain(key, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_server_that_does_not_answer_fails_the_handshake()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        Write(".mcp.json", $$"""{ "mcpServers": { "remote": { "url": "http://127.0.0.1:{{port}}/mcp" } } }""");

        var result = await Run(start: true, timeout: "3s");

        var failed = Assert.Single(result.Findings, f => f.RuleId is "MUSTER-MCP-SERVER-FAILED" or "MUSTER-MCP-SERVER-TIMEOUT");
        Assert.Equal(Severity.High, failed.Severity);
        Assert.Equal(0, result.Metrics["verified_working"]);
    }
}
