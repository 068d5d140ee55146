using Muster.Agents;

namespace Muster.Composition;

/// <summary>
/// The one list of every agent Muster ships, alphabetical by folder: the composition root. Adding an agent is one
/// folder under <c>Agents/</c> plus one line here. Nothing under <c>Agents/</c> refers to this list.
/// </summary>
public static class BuiltInAgents
{
    /// <summary>A registry holding every agent Muster ships.</summary>
    public static AgentRegistry CreateRegistry() => Register(new AgentRegistry());

    public static AgentRegistry Register(AgentRegistry registry) => registry
        .Add(Agents.AgentDefinitions.AgentDefinitionsAgent.Descriptor)
        .Add(Agents.Command.CommandAgent.Descriptor)
        .Add(Agents.ConfigAudit.ConfigAuditAgent.Descriptor)
        .Add(Agents.Dependencies.DependenciesAgent.Descriptor)
        .Add(Agents.Diagnostics.NoopAgent.Descriptor)
        .Add(Agents.Diagnostics.SleepAgent.Descriptor)
        .Add(Agents.Imports.ImportsAgent.Descriptor)
        .Add(Agents.InfraState.InfraStateAgent.Descriptor)
        .Add(Agents.Inventory.WorkspaceInventoryAgent.Descriptor)
        .Add(Agents.Llm.LlmAgent.Descriptor)
        .Add(Agents.Mcp.McpServersAgent.Descriptor)
        .Add(Agents.Preflight.PreflightAgent.Descriptor)
        .Add(Agents.Secrets.SecretsAgent.Descriptor)
        .Add(Agents.TestHygiene.TestHygieneAgent.Descriptor);
}
