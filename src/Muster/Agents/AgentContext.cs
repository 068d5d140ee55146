using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Agents;

/// <summary>Everything an agent attempt may use: where to look, its settings, and what earlier waves produced.</summary>
public sealed class AgentContext
{
    public required string RunId { get; init; }
    public required string AgentId { get; init; }
    public required string Kind { get; init; }
    public required AgentRole Role { get; init; }

    /// <summary>Full path of the audited root. Agents never read outside it.</summary>
    public required string Root { get; init; }

    public AgentSettings Settings { get; init; } = AgentSettings.Empty;

    /// <summary>Run-wide parameters from the command line (e.g. <c>osv-db</c>, <c>sbom</c>); agents read the ones they know.</summary>
    public IReadOnlyDictionary<string, string> RunParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Outputs of agents of earlier waves, in plan order.</summary>
    public IReadOnlyList<PriorOutput> Upstream { get; init; } = [];

    /// <summary>Run-wide shared objects (budgets, engine connections).</summary>
    public RunServices Services { get; init; } = new();

    public int Attempt { get; init; } = 1;
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The environment variables the agent reads (the process environment by default).</summary>
    public IAgentEnvironment Environment { get; init; } = ProcessAgentEnvironment.Instance;

    /// <summary>How the agent starts programs (real processes by default); a test gives a recording fake.</summary>
    public IProcessStarter Processes { get; init; } = SystemProcessStarter.Instance;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Removes anything secret-shaped from free text before it leaves the agent (prompts, messages, logs).</summary>
    public ISecretScrubber Scrubber { get; init; } = NoSecretScrubber.Instance;

    /// <summary>Short progress note for the live view ("412/1,200 files"). Cheap to call often.</summary>
    public Action<string> ReportProgress { get; init; } = static _ => { };
}
