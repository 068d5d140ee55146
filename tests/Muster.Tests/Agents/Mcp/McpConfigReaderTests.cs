using Muster.Agents.Mcp;
using Muster.Formats.Mcp;

namespace Muster.Tests.Agents.Mcp;

public sealed class McpConfigReaderTests : IDisposable
{
    private readonly TempTree _tree = new();

    private string Root => _tree.Path;

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Reads_every_known_location_with_both_server_kinds_and_lines()
    {
        _tree.Write(".mcp.json", """
            {
              "mcpServers": {
                "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."], "env": { "A": "1" } },
                "remote": { "url": "http://127.0.0.1:9/mcp", "headers": { "Authorization": "Bearer ${TOKEN}" } }
              }
            }
            """);
        _tree.Write(".cursor/mcp.json", """{ "mcpServers": { "cursor-one": { "command": "uvx", "args": ["x"] } } }""");
        _tree.Write(".vscode/mcp.json", """
            // VS Code allows comments
            { "inputs": [ { "id": "key", "type": "promptString" } ],
              "servers": { "vs": { "type": "stdio", "command": "node", "args": ["s.js"], "env": { "KEY": "${input:key}" } } } }
            """);
        _tree.Write("config/claude_desktop_config.json", """{ "mcpServers": { "desktop": { "command": "python3" } } }""");
        _tree.Write("settings/agent-settings.json", """{ "other": 1, "mcpServers": { "nested": { "url": "https://example.invalid/mcp" } } }""");
        _tree.Write("package.json", """{ "name": "not-mcp" }""");

        var reader = new McpConfigReader(Root);
        var servers = reader.Read(CancellationToken.None).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["cursor-one", "desktop", "files", "nested", "remote", "vs"], servers.Select(s => s.Name));
        var files = servers.Single(s => s.Name == "files");
        Assert.True(files.IsStdio);
        Assert.Equal(".mcp.json", files.SourcePath);
        Assert.Equal(3, files.Line);
        Assert.Equal(["-y", "@modelcontextprotocol/server-filesystem", "."], files.Args);
        Assert.Equal("1", files.Env["A"]);
        var remote = servers.Single(s => s.Name == "remote");
        Assert.True(remote.IsHttp);
        Assert.Equal(4, remote.Line);
        Assert.Equal("Bearer ${TOKEN}", remote.Headers["Authorization"]);
        Assert.Equal(".vscode/mcp.json", servers.Single(s => s.Name == "vs").SourcePath);
        Assert.Equal("${input:key}", servers.Single(s => s.Name == "vs").Env["KEY"]);
        Assert.Equal(5, reader.ConfigFiles.Count);
    }

    [Fact]
    public void A_broken_known_config_is_reported_not_skipped_silently()
    {
        _tree.Write(".mcp.json", """{ "mcpServers": { "x": """);
        var reader = new McpConfigReader(Root);
        Assert.Empty(reader.Read(CancellationToken.None));
        Assert.Equal(".mcp.json", Assert.Single(reader.Unreadable).Path);
    }

    [Theory]
    [InlineData("| MCP Servers | 10 | 5 active | 50% |", 10, 5)]
    [InlineData("We have 10 MCP servers configured, 5 active.", 10, 5)]
    [InlineData("- 3 MCP servers running", null, 3)]
    [InlineData("12 MCP servers", 12, null)]
    public void Parses_mcp_claims(string line, int? configured, int? active)
    {
        var claim = McpClaim.Parse("STATUS.md", 7, line);
        Assert.NotNull(claim);
        Assert.Equal(configured, claim.Configured);
        Assert.Equal(active, claim.Active);
    }

    [Theory]
    [InlineData("Enable game engine MCP servers")]
    [InlineData("The agent uses 10 tools")]
    public void Ignores_lines_without_mcp_counts(string line) => Assert.Null(McpClaim.Parse("STATUS.md", 1, line));
}
