using System.Reflection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Muster.Model;

namespace Muster.Cli.Mcp;

/// <summary>Serves Muster's tools over MCP on stdin/stdout. Logs go to stderr: stdout carries the protocol only.</summary>
internal static class MusterMcpServer
{
    public static readonly IReadOnlyList<(string Name, string Method)> ToolNames =
    [
        ("audit", nameof(MusterMcpTools.Audit)),
        ("run_plan", nameof(MusterMcpTools.RunPlan)),
        ("run_status", nameof(MusterMcpTools.RunStatus)),
        ("list_findings", nameof(MusterMcpTools.ListFindings)),
        ("get_finding", nameof(MusterMcpTools.GetFinding)),
        ("preflight", nameof(MusterMcpTools.Preflight)),
    ];

    public static async Task<int> RunAsync(CliContext cli, CancellationToken cancellationToken)
    {
        await using var runs = new McpRuns();
        var tools = new MusterMcpTools(cli, runs);
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var (name, method) in ToolNames)
        {
            var info = typeof(MusterMcpTools).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!;
            collection.Add(McpServerTool.Create(info, tools, new McpServerToolCreateOptions { Name = name }));
        }
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "muster", Version = MusterVersion.Current },
            ServerInstructions = "Muster audits workspaces with waves of agents and reports only what it verified. Start with preflight, then audit; " +
                                 "read results with run_status, list_findings (filters, paging) and get_finding instead of whole reports.",
            ToolCollection = collection,
        };
        await using var server = McpServer.Create(new StdioServerTransport(options, cli.Loggers), options, cli.Loggers);
        await server.RunAsync(cancellationToken);
        return ExitCodes.Passed;
    }
}
