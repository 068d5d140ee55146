using Muster.Agents;
using Muster.Agents.Dependencies;
using Muster.Model;

namespace Muster.Tests.Agents.Dependencies;

internal static class AgentRunner
{
    public static Task<AgentResult> Run(string root, Dictionary<string, string>? parameters = null, Dictionary<string, object?>? settings = null) =>
        DependenciesAgent.Descriptor.Create().RunAsync(new AgentContext
        {
            RunId = "test",
            AgentId = "deps-1",
            Kind = "dependencies",
            Role = AgentRole.Scanner,
            Root = root,
            RunParameters = parameters ?? [],
            Settings = new AgentSettings(settings ?? []),
        }, CancellationToken.None);
}
