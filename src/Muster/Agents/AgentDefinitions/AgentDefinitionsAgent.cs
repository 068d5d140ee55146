using System.Globalization;
using System.Text;
using Muster.Formats.Markdown;
using Muster.Formats.Mcp;
using Muster.Model;

namespace Muster.Agents.AgentDefinitions;

/// <summary>
/// Agent definitions, declared against documented: inventories the agents, commands and tasks a workspace defines
/// (Claude Code, CrewAI, Muster plans), flags tools and models nothing provides, and checks status documents' agent
/// counts against the inventory.
/// </summary>
internal sealed class AgentDefinitionsAgent : IAgent
{
    private const string Category = "agents";

    public static readonly AgentDescriptor Descriptor =
        new("agent-definitions", AgentRole.Scanner,
            "Inventories agent definitions (Claude Code, CrewAI, Muster plans); unknown tools and models; agent-count claims.",
            () => new AgentDefinitionsAgent())
        {
            Metrics = [GateMetricNames.Claims],
            Settings = AgentDefinitionsSettings.Docs,
            ValidateSettings = s => AgentDefinitionsSettings.From(s),
        };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = AgentDefinitionsSettings.From(context.Settings);
        var maxFileBytes = settings.MaxFileBytes;
        var maxDocumentBytes = settings.MaxDocumentBytes;
        var reader = new AgentDefinitionReader(context.Root, maxFileBytes);
        var definitions = reader.Read(cancellationToken);
        var mcpReader = new McpConfigReader(context.Root);
        var mcpServers = mcpReader.Read(cancellationToken).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        findings.AddRange(reader.TooLarge.Select(f => SkippedInputFindings.TooLarge(Category, f.RelativePath, f.Length, maxFileBytes, "max-file-bytes",
            "the agents, commands or tasks it defines were not inventoried or checked")));

        foreach (var definition in definitions)
        {
            if (definition.Source is AgentDefinition.ClaudeAgent or AgentDefinition.ClaudeCommand)
            {
                foreach (var tool in definition.Tools)
                {
                    if (KnownTools.Unprovided(tool, mcpServers) is not { } why) continue;
                    findings.Add(Make("MUSTER-AGENT-UNKNOWN-TOOL", "Agent definition names a tool nothing provides", Severity.Medium,
                        new SourceLocation(definition.Path, definition.ToolsLine), definition,
                        $"{definition.Source} '{definition.Name}': {why}. The agent will not have it." + McpNotRead(tool, mcpReader.TooLarge.Count),
                        "Fix the tool name, or configure the MCP server that provides it.", tool));
                }
            }
            if (definition.Model is { Length: > 0 } model && !KnownModels.IsKnown(model))
            {
                findings.Add(Make("MUSTER-AGENT-UNKNOWN-MODEL", "Agent definition names an unknown model", Severity.Medium,
                    new SourceLocation(definition.Path, definition.ModelLine), definition,
                    $"{definition.Source} '{definition.Name}' asks for model '{model}', which is not a known model id or alias.",
                    "Use a model id or alias the runtime provides (sonnet, opus, haiku, inherit, claude-…, gpt-…).", model));
            }
        }

        foreach (var (path, reason) in reader.Unreadable)
        {
            findings.Add(new Finding
            {
                RuleId = "MUSTER-AGENT-DEFINITION-UNREADABLE",
                Title = "Agent definition file could not be read",
                Severity = Severity.Medium,
                Category = Category,
                Message = $"{path}: {reason}. The agents it defines are not audited.",
                Location = new SourceLocation(path),
                Remediation = "Make the file a plain YAML document within Muster's input limits (docs/input-limits.md), or remove it.",
            }.WithDefaultFingerprint());
        }

        var agents = definitions.Where(d => d.IsAgent).ToList();
        var claims = 0;
        var documentsNotRead = new List<Muster.Workspace.WorkspaceFile>();
        foreach (var (file, line, text) in StatusDocuments.Lines(context.Root, cancellationToken, maxDocumentBytes, documentsNotRead.Add))
        {
            foreach (var claim in AgentCountClaim.Parse(file.RelativePath, line, text))
            {
                claims++;
                var matching = claim.Qualifier is { } q
                    ? agents.Count(a => Mentions(a, q))
                    : agents.Count;
                var holds = claim.AtLeast ? matching >= claim.Count : matching == claim.Count;
                if (holds) continue;
                var what = claim.Qualifier is null ? "agent definitions" : $"agent definitions mentioning '{claim.Qualifier}'";
                findings.Add(new Finding
                {
                    RuleId = "MUSTER-AGENT-CLAIM-MISMATCH",
                    Title = "Agent count claim does not match the definitions",
                    Severity = Severity.High,
                    Category = Category,
                    Message = $"Claims {claim.Count}{(claim.AtLeast ? "+" : "")} {(claim.Qualifier is null ? "" : claim.Qualifier + " ")}agents; {matching} {what} found in the workspace.",
                    Location = new SourceLocation(claim.Path, claim.Line),
                    Evidence = claim.Text.Length > 200 ? claim.Text[..200] + "…" : claim.Text,
                    Remediation = "Count from the definitions (muster audit), not from memory; or add the definitions the document describes.",
                    Properties = new Dictionary<string, string>
                    {
                        ["claimed"] = claim.Count.ToString(CultureInfo.InvariantCulture) + (claim.AtLeast ? "+" : ""),
                        ["found"] = matching.ToString(CultureInfo.InvariantCulture),
                        ["qualifier"] = claim.Qualifier ?? "",
                    },
                }.WithDefaultFingerprint($"{claim.Line}:{claim.Count}:{claim.Qualifier}"));
            }
        }

        findings.AddRange(documentsNotRead.Select(d => SkippedInputFindings.TooLarge(Category, d.RelativePath, d.Length, maxDocumentBytes,
            StatusDocuments.MaxBytesSetting, "the agent counts it claims were not checked")));

        return Task.FromResult(new AgentResult
        {
            Findings = findings.Select(f => f with { AgentId = context.AgentId }).ToList(),
            Artifacts = [new Artifact("agent-definitions.md", "text/markdown", Table(definitions))],
            Summary = $"{agents.Count} agent definition(s), {definitions.Count(d => d.Source == AgentDefinition.ClaudeCommand)} command(s), " +
                      $"{definitions.Count(d => d.Source == AgentDefinition.CrewAiTask)} task(s); {findings.Count} finding(s)." +
                      NotReadClause(reader.TooLarge.Count, documentsNotRead.Count),
            Metrics = new Dictionary<string, double>
            {
                ["agents"] = agents.Count,
                ["definitions"] = definitions.Count,
                ["unknown_tools"] = findings.Count(f => f.RuleId == "MUSTER-AGENT-UNKNOWN-TOOL"),
                ["unknown_models"] = findings.Count(f => f.RuleId == "MUSTER-AGENT-UNKNOWN-MODEL"),
                [GateMetricNames.Claims] = claims,
                ["claim_mismatches"] = findings.Count(f => f.RuleId == "MUSTER-AGENT-CLAIM-MISMATCH"),
            },
        });
    }

    private static string McpNotRead(string tool, int configs) =>
        configs > 0 && tool.StartsWith("mcp__", StringComparison.Ordinal)
            ? $" Unverified: {configs} MCP configuration(s) were too large to read and may declare it."
            : "";

    private static string NotReadClause(int definitions, int documents) =>
        (definitions > 0 ? " " + SkippedInputFindings.SummaryClause(definitions, "definition file", "definition files") : "") +
        (documents > 0 ? " " + SkippedInputFindings.SummaryClause(documents, "status document", "status documents") : "");

    private static bool Mentions(AgentDefinition agent, string qualifier) =>
        new[] { agent.Name, agent.Role, agent.Path, agent.Description }.Any(s => s?.Contains(qualifier, StringComparison.OrdinalIgnoreCase) == true);

    private static string Table(IReadOnlyList<AgentDefinition> definitions)
    {
        var table = new StringBuilder("| Name | Kind | Defined at | Role | Tools | Model |\n|---|---|---|---|---|---|\n");
        foreach (var d in definitions.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {Cell(d.Name)} | {d.Source} | {d.Path}:{d.Line} | {Cell(d.Role ?? "")} | {Cell(string.Join(", ", d.Tools))} | {Cell(d.Model ?? "")} |\n");
        }
        return table.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static Finding Make(string rule, string title, Severity severity, SourceLocation location, AgentDefinition definition, string message, string remediation, string discriminator) => new Finding
    {
        RuleId = rule,
        Title = title,
        Severity = severity,
        Category = Category,
        Message = message,
        Location = location,
        Remediation = remediation,
        Properties = new Dictionary<string, string> { ["agent"] = definition.Name, ["value"] = discriminator },
    }.WithDefaultFingerprint($"{definition.Name}:{discriminator}");
}
