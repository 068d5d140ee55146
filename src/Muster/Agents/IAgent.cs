using Muster.Model;

namespace Muster.Agents;

/// <summary>An agent runs once per attempt and returns what it found. It must honour the cancellation token.</summary>
public interface IAgent
{
    Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken);
}
