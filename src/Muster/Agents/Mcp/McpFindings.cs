using System.Globalization;
using Muster.Formats.Markdown;
using Muster.Formats.Mcp;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Mcp;

/// <summary>Turns what was read and verified about MCP servers into findings.</summary>
internal static class McpFindings
{
    private const string Category = "agents";

    public static IEnumerable<Finding> ForServer(McpServerConfig server, McpProbeResult result, string root, string? home)
    {
        var location = new SourceLocation(server.SourcePath, server.Line);
        switch (result.Status)
        {
            case McpProbeStatus.CommandNotFound:
                yield return Make("MUSTER-MCP-COMMAND-NOT-FOUND", "MCP server command not found", Severity.High, location, server,
                    $"MCP server '{server.Name}' runs '{server.Command}', which is not on PATH or in the workspace: it cannot start.",
                    "Install the program, fix the command, or remove the server from the configuration.");
                break;
            case McpProbeStatus.Exited:
                yield return Make("MUSTER-MCP-SERVER-EXITED", "MCP server exits before answering", Severity.High, location, server,
                    $"MCP server '{server.Name}' started but exited before answering the MCP handshake: {result.Detail}",
                    "Run the server's command by hand to see why it stops (missing module, bad argument, missing credential).");
                break;
            case McpProbeStatus.TimedOut:
                yield return Make("MUSTER-MCP-SERVER-TIMEOUT", "MCP server does not answer", Severity.High, location, server,
                    $"MCP server '{server.Name}' did not answer: {result.Detail}. Its process tree was killed.",
                    "Check that the server speaks MCP over stdio (no banner on stdout) or that the URL is an MCP endpoint.");
                break;
            case McpProbeStatus.Failed:
                yield return Make("MUSTER-MCP-SERVER-FAILED", "MCP server handshake failed", Severity.High, location, server,
                    $"MCP server '{server.Name}' did not complete the MCP handshake: {result.Detail}",
                    "Check the URL or command, the credentials it needs and that it is an MCP server.");
                break;
            case McpProbeStatus.Invalid:
                yield return Make("MUSTER-MCP-SERVER-INVALID", "MCP server declaration is incomplete", Severity.Medium, location, server,
                    $"MCP server '{server.Name}': {result.Detail}.", "Give the server a 'command' (stdio) or a 'url' (HTTP).");
                break;
            case McpProbeStatus.NotStarted:
                yield return Make("MUSTER-MCP-UNVERIFIED", "MCP server configured, not verified", Severity.Info, location, server,
                    $"MCP server '{server.Name}' is configured but was not started (start-servers is off): whether it works is unverified.",
                    "Run 'muster audit --start-mcp-servers' (or 'start-servers: true' in the plan) to verify it with the MCP handshake.");
                break;
        }

        foreach (var secret in LiteralSecret.In(server))
        {
            yield return new Finding
            {
                RuleId = "MUSTER-MCP-LITERAL-SECRET",
                Title = "Secret written literally in an MCP configuration",
                Severity = Severity.Critical,
                Category = Category,
                Message = $"MCP server '{server.Name}' has a credential ({secret.Kind}) written literally in '{secret.Where}.{secret.Key}'. Anyone who can read {server.SourcePath} has it.",
                Location = location,
                Evidence = $"{secret.Key}: {Redaction.Redact(secret.Value)}",
                Remediation = $"Rotate the credential, then reference it instead: \"{secret.Key}\": \"${{{secret.Key.ToUpperInvariant().Replace('-', '_')}}}\" (or an input in .vscode/mcp.json).",
                Fingerprint = Fingerprints.ForSecret(root, "MUSTER-MCP-LITERAL-SECRET", server.SourcePath, secret.Value),
                Properties = new Dictionary<string, string> { ["server"] = server.Name, ["key"] = secret.Key },
            };
        }

        foreach (var (argument, resolved) in FilesystemRoots.WiderThanWorkspace(server, root, home))
        {
            yield return Make("MUSTER-MCP-FS-ROOT-WIDE", "Filesystem MCP server reaches outside the workspace", Severity.High, location, server,
                $"Filesystem MCP server '{server.Name}' is given '{argument}' ({resolved}), wider than the workspace: agents using it can read and write there.",
                "Give it the workspace folder (or a folder inside it) only.", argument);
        }
    }

    /// <param name="configsNotRead">MCP configurations too large to read: any count a claim makes is then unverified, not a mismatch.</param>
    /// <param name="documents">The status-document size limit, and who learns of each document over it.</param>
    public static IEnumerable<Finding> ForClaims(string root, IReadOnlyList<(McpServerConfig Server, McpProbeResult Result)> verified, bool started, Action onClaim,
        int configsNotRead, (long MaxBytes, Action<WorkspaceFile> TooLarge) documents, CancellationToken cancellationToken)
    {
        var configured = verified.Count;
        var working = verified.Count(v => v.Result.Status == McpProbeStatus.Works);
        var unverified = verified.Count(v => v.Result.Status == McpProbeStatus.NotStarted);
        foreach (var (file, line, text) in StatusDocuments.Lines(root, cancellationToken, documents.MaxBytes, documents.TooLarge))
        {
            if (McpClaim.Parse(file.RelativePath, line, text) is not { } claim) continue;
            onClaim();
            var location = new SourceLocation(claim.Path, claim.Line);
            var properties = new Dictionary<string, string>
            {
                ["claimed_configured"] = claim.Configured?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["claimed_active"] = claim.Active?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["found_configured"] = configured.ToString(CultureInfo.InvariantCulture),
                ["verified_working"] = unverified > 0 ? "unverified" : working.ToString(CultureInfo.InvariantCulture),
            };
            if (configsNotRead > 0 && (claim.Configured is not null || claim.Active is not null))
            {
                yield return Claim("MUSTER-MCP-CLAIM-UNVERIFIED", "MCP server claim is unverified", "incomplete", location,
                    new Dictionary<string, string>(properties) { ["verification"] = "unverified" }, claim,
                    $"Claims {claim.Configured ?? claim.Active} MCP servers; {configsNotRead} MCP configuration(s) were too large to read, so the servers they declare are unknown and the claim is unverified (not confirmed).");
                continue;
            }
            if (claim.Configured is { } c && c != configured)
            {
                yield return Claim("MUSTER-MCP-CLAIM-MISMATCH", "MCP server count claim does not match the configuration", "configured", location, properties, claim,
                    $"Claims {c} MCP servers configured; {configured} found in the workspace's MCP configurations.");
            }
            if (claim.Active is { } a)
            {
                if (unverified > 0 || !started && configured > 0)
                {
                    // The Documentation gate counts findings marked this way as claims left unverified.
                    yield return Claim("MUSTER-MCP-CLAIM-UNVERIFIED", "MCP server claim is unverified", "active", location,
                        new Dictionary<string, string>(properties) { ["verification"] = "unverified" }, claim,
                        $"Claims {a} MCP servers active; {unverified} of {configured} configured servers were not started, so the claim is unverified (not confirmed).");
                }
                else if (a != working)
                {
                    yield return Claim("MUSTER-MCP-CLAIM-MISMATCH", "MCP server claim does not match what answers", "active", location, properties, claim,
                        $"Claims {a} MCP servers active; {working} of {configured} configured answered the MCP handshake.");
                }
            }
        }
    }

    private static Finding Claim(string rule, string title, string count, SourceLocation location, Dictionary<string, string> properties, McpClaim claim, string message) => new Finding
    {
        RuleId = rule,
        Title = title,
        Severity = Severity.High,
        Category = Category,
        Message = message,
        Location = location,
        Evidence = claim.Text.Length > 200 ? claim.Text[..200] + "…" : claim.Text,
        Remediation = "Update the status document from verified results (muster audit --start-mcp-servers), not from memory.",
        Properties = properties,
    }.WithDefaultFingerprint($"{claim.Line}:{count}");

    private static Finding Make(string rule, string title, Severity severity, SourceLocation location, McpServerConfig server, string message, string remediation, string? discriminator = null) => new Finding
    {
        RuleId = rule,
        Title = title,
        Severity = severity,
        Category = Category,
        Message = message,
        Location = location,
        Remediation = remediation,
        Properties = new Dictionary<string, string> { ["server"] = server.Name },
    }.WithDefaultFingerprint(server.Name + (discriminator is null ? "" : ":" + discriminator));
}
