using Microsoft.Extensions.Logging;
using Muster.Agents;

namespace Muster.Engine;

/// <summary>What a run hands the executor it builds: the run's own scrubber (it learns the run's secrets) and its observer.</summary>
/// <param name="Observer">The run's observers (journal first): an executor that re-places an attempt records why here.</param>
public sealed record AgentExecutorContext(
    AgentRegistry Registry,
    ISecretScrubber Scrubber,
    TimeProvider Time,
    ILoggerFactory? Loggers,
    string HostName,
    IRunObserver Observer);

/// <summary>Builds the executor of one run; <see cref="RunHost"/> defaults to <see cref="InProcessAgentExecutor"/>.</summary>
public delegate IAgentExecutor AgentExecutorFactory(AgentExecutorContext context);
