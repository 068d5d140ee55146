using Muster.Model;

namespace Muster.Agents;

/// <summary>
/// A registered agent type. <see cref="Settings"/> describes the keys its <c>with:</c> block accepts (null: any), so
/// a typo in a plan is an error with the known keys, not a silently ignored setting, and the docs' tables are generated.
/// </summary>
public sealed record AgentDescriptor(string Kind, AgentRole DefaultRole, string Description, Func<IAgent> Create)
{
    private readonly IReadOnlyList<SettingDoc>? _settings;

    /// <summary>Every key of the <c>with:</c> block, documented (null: any key; empty: none).</summary>
    public IReadOnlyList<SettingDoc>? Settings
    {
        get => _settings;
        init
        {
            _settings = value;
            SettingKeys = value?.Select(s => s.Key).ToList();
        }
    }

    /// <summary>The keys of <see cref="Settings"/> (null: any).</summary>
    public IReadOnlyList<string>? SettingKeys { get; private init; }

    /// <summary>
    /// Reads the <c>with:</c> block into the agent's typed settings when the plan is parsed, so a wrong value
    /// (<c>threads: lots</c>) is a plan error at its line instead of an agent failing mid-run. Throws
    /// <see cref="AgentSettingsException"/>; returns the typed settings. Null: the agent reads its settings only when it runs.
    /// </summary>
    public Func<AgentSettings, object>? ValidateSettings { get; init; }

    /// <summary>The gate metrics (<see cref="GateMetricNames"/>) the agent reports when it succeeds.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>
    /// Whether it reads <see cref="AgentContext.Upstream"/>. An executor that ships an attempt to another process sends
    /// earlier waves' outputs only to agents that read them (otherwise each attempt would carry every earlier finding).
    /// </summary>
    public bool ReadsUpstream { get; init; }

    /// <summary>Whether <c>muster audit</c>'s built-in plan runs it.</summary>
    public bool InDefaultPlan { get; init; } = true;

    /// <summary>A kind for tests, drills and benchmarks (noop, sleep): plans may use it, <c>muster agents</c> lists it only with --all.</summary>
    public bool ForTesting { get; init; }

    /// <summary>Default timeouts when the plan gives none.</summary>
    public TimeSpan SoftTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan HardTimeout { get; init; } = TimeSpan.FromMinutes(15);
}
