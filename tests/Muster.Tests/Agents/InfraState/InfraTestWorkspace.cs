using Muster.Agents;
using Muster.Model;

namespace Muster.Tests.Agents.InfraState;

/// <summary>A temp workspace plus a way to run the infra-state agent on it.</summary>
internal sealed class InfraTestWorkspace : IDisposable
{
    public InfraTestWorkspace() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "muster-infra-" + Guid.NewGuid().ToString("N")[..10]);

    public string Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public Task<AgentResult> AuditAsync(Dictionary<string, object?> settings, Dictionary<string, string>? environment = null) =>
        new Muster.Agents.InfraState.InfraStateAgent().RunAsync(new AgentContext
        {
            Environment = new FixedAgentEnvironment(environment ?? []),
            RunId = "test",
            AgentId = "infra-state-1",
            Kind = "infra-state",
            Role = AgentRole.Verification,
            Root = Root,
            Settings = new AgentSettings(settings),
        }, CancellationToken.None);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
