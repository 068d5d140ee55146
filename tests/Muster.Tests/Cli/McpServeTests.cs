using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Muster.Model;
using Muster.Tests.Reports;

namespace Muster.Tests.Cli;

/// <summary><c>muster mcp</c> driven by a real MCP client from the official SDK, over stdio, against the built CLI.</summary>
public sealed class McpServeTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-mcp-serve-").FullName;
    private readonly string _key = TestSecrets.AnthropicShaped(21);
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_root, ".mcp.json"),
            $$"""{ "mcpServers": { "keyed": { "command": "muster-no-such-server-cmd", "env": { "ANTHROPIC_API_KEY": "{{_key}}" } } } }""");
        File.WriteAllText(Path.Combine(_root, "PLAN.yaml"), """
            name: slow
            waves:
              - name: one
                agents:
                  - id: slowpoke
                    kind: sleep
                    with: {duration: 6s}
                    timeout: {soft: 1s, hard: 30s}
            """);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "muster",
            Command = "dotnet",
            Arguments = [MusterProcess.CliPath, "mcp"],
            WorkingDirectory = _root,
            EnvironmentVariables = new Dictionary<string, string?> { ["CI"] = "true" },
        });
        _client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-06-18" });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<JsonElement> Call(string tool, Dictionary<string, object?> arguments)
    {
        var result = await _client.CallToolAsync(tool, arguments);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.False(result.IsError == true, $"{tool} failed: {text}");
        Assert.DoesNotContain(_key, text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Every_tool_answers_a_real_client()
    {
        var tools = await _client.ListToolsAsync();
        Assert.Equal(["audit", "get_finding", "list_findings", "preflight", "run_plan", "run_status"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));

        var preflight = await Call("preflight", new() { ["path"] = _root });
        Assert.True(preflight.GetProperty("passed").GetBoolean());
        Assert.Contains(preflight.GetProperty("checks").EnumerateArray(), c => c.GetProperty("area").GetString() == "workspace");

        var audit = await Call("audit", new() { ["path"] = _root, ["wait_seconds"] = 120 });
        var runId = audit.GetProperty("run_id").GetString()!;
        Assert.Equal("completed", audit.GetProperty("status").GetString());
        Assert.True(audit.GetProperty("findings").GetProperty("CRITICAL").GetInt32() >= 1);

        var status = await Call("run_status", new() { ["run_id"] = runId });
        Assert.Contains(status.GetProperty("agents").EnumerateArray(), a => a.GetProperty("id").GetString() == "mcp-servers" && a.GetProperty("state").GetString() == "succeeded");

        var critical = await Call("list_findings", new() { ["run_id"] = runId, ["min_severity"] = "CRITICAL", ["page_size"] = 5 });
        var secret = Assert.Single(critical.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "MUSTER-MCP-LITERAL-SECRET");
        Assert.All(critical.GetProperty("findings").EnumerateArray(), f => Assert.Equal("CRITICAL", f.GetProperty("severity").GetString()));
        var byRule = await Call("list_findings", new() { ["path"] = _root, ["rule"] = "MUSTER-MCP-COMMAND-NOT-FOUND", ["path_prefix"] = ".mcp" });
        Assert.Equal(1, byRule.GetProperty("total").GetInt32());
        var none = await Call("list_findings", new() { ["run_id"] = runId, ["path_prefix"] = "nowhere/" });
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        var finding = await Call("get_finding", new() { ["run_id"] = runId, ["fingerprint"] = secret.GetProperty("fingerprint").GetString() });
        Assert.Equal("ANTHROPIC_API_KEY: " + Redaction.Redact(_key), finding.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task A_plan_run_returns_its_id_at_once_and_its_status_shows_the_overdue_agent()
    {
        var started = await Call("run_plan", new() { ["plan"] = Path.Combine(_root, "PLAN.yaml"), ["root"] = _root, ["wait_seconds"] = 0 });
        Assert.Equal("running", started.GetProperty("status").GetString());
        var runId = started.GetProperty("run_id").GetString()!;

        var sawOverdue = false;
        JsonElement status = default;
        for (var i = 0; i < 100; i++)
        {
            status = await Call("run_status", new() { ["run_id"] = runId });
            var agent = status.GetProperty("agents").EnumerateArray().Single();
            sawOverdue |= agent.GetProperty("state").GetString() == "overdue";
            if (status.GetProperty("status").GetString() != "running") break;
            await Task.Delay(200);
        }
        Assert.Equal("completed", status.GetProperty("status").GetString());
        var done = status.GetProperty("agents").EnumerateArray().Single();
        Assert.True(done.GetProperty("went_overdue").GetBoolean());
        Assert.True(sawOverdue, "run_status never showed the agent overdue while it ran past its soft timeout");
    }
}
