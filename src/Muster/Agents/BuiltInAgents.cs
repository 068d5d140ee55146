namespace Muster.Agents;

/// <summary>
/// The one list of every agent Muster ships, alphabetical by folder. Adding an agent is one folder under
/// <c>Agents/</c> plus one line here.
/// </summary>
public static class BuiltInAgents
{
    public static AgentRegistry Register(AgentRegistry registry) => registry
        .Add(AgentDefinitions.AgentDefinitionsAgent.Descriptor)
        .Add(Command.CommandAgent.Descriptor)
        .Add(ConfigAudit.ConfigAuditAgent.Descriptor)
        .Add(Dependencies.DependenciesAgent.Descriptor)
        .Add(Diagnostics.NoopAgent.Descriptor)
        .Add(Diagnostics.SleepAgent.Descriptor)
        .Add(Imports.ImportsAgent.Descriptor)
        .Add(InfraState.InfraStateAgent.Descriptor)
        .Add(Inventory.WorkspaceInventoryAgent.Descriptor)
        .Add(Llm.LlmAgent.Descriptor)
        .Add(Mcp.McpServersAgent.Descriptor)
        .Add(Preflight.PreflightAgent.Descriptor)
        .Add(Secrets.SecretsAgent.Descriptor)
        .Add(TestHygiene.TestHygieneAgent.Descriptor);
}
