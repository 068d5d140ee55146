using Muster.Agents;
using Muster.Model;

namespace Muster.Cli.Mcp;

/// <summary>A finding as the MCP tools return it: redacted (journaled findings are already redacted; scrubbed again).</summary>
internal static class McpFindingView
{
    public static object Summary(Finding f, ISecretScrubber scrubber) => new
    {
        fingerprint = f.Fingerprint,
        rule = f.RuleId,
        severity = f.Severity.ToLabel(),
        category = f.Category,
        title = f.Title,
        message = scrubber.Scrub(f.Message),
        location = f.Location?.ToString(),
        agent = f.AgentId,
    };

    public static object Full(Finding f, ISecretScrubber scrubber) => new
    {
        fingerprint = f.Fingerprint,
        rule = f.RuleId,
        severity = f.Severity.ToLabel(),
        category = f.Category,
        title = f.Title,
        message = scrubber.Scrub(f.Message),
        location = f.Location?.ToString(),
        evidence = f.Evidence is null ? null : scrubber.Scrub(f.Evidence),
        remediation = f.Remediation,
        agent = f.AgentId,
        properties = f.Properties,
    };
}
