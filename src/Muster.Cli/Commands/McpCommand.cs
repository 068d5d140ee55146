using System.CommandLine;
using Muster.Cli.Mcp;

namespace Muster.Cli.Commands;

/// <summary><c>muster mcp</c>: serves Muster over MCP on stdio for agents to call.</summary>
internal static class McpCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("mcp", "Serve Muster over MCP (stdio): audit, run_plan, run_status, list_findings, get_finding, preflight.");
        command.SetAction(async (_, cancellationToken) => await MusterMcpServer.RunAsync(cli, cancellationToken));
        return command;
    }
}
