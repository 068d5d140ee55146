using Muster.Agents;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

/// <summary>A throw-away folder tree for agent tests; deleted on dispose.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "muster-imports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempWorkspace Write(string relativePath, string content = "")
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TempWorkspace Folder(string relativePath)
    {
        Directory.CreateDirectory(Path.Combine(Root, relativePath));
        return this;
    }

    public async Task<AgentResult> RunAsync(IAgent agent, string kind, IReadOnlyDictionary<string, object?>? settings = null) =>
        await agent.RunAsync(new AgentContext
        {
            RunId = "test",
            AgentId = kind + "-1",
            Kind = kind,
            Role = AgentRole.Scanner,
            Root = Root,
            Settings = settings is null ? AgentSettings.Empty : new AgentSettings(settings),
        }, CancellationToken.None);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
