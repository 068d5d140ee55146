using Muster.Model;

namespace Muster.Agents.Diagnostics;

/// <summary>Does nothing and succeeds. For benchmarks and for checking a plan's wiring.</summary>
internal sealed class NoopAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("noop", AgentRole.Scanner, "Does nothing and succeeds; for wiring checks and benchmarks.", () => new NoopAgent())
        {
            Settings = [],
            InDefaultPlan = false,
            ForTesting = true,
        };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
        Task.FromResult(AgentResult.Empty());
}
