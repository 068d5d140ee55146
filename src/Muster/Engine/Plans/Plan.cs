using Muster.Agents;

namespace Muster.Engine.Plans;

/// <summary>A validated plan: waves in order, each with its agents and exit criteria.</summary>
public sealed record Plan
{
    public required string Name { get; init; }
    public required IReadOnlyList<WavePlan> Waves { get; init; }

    /// <summary>Where it came from (a file path, or "built-in").</summary>
    public string Source { get; init; } = "built-in";

    /// <summary>The YAML text, kept in the journal so a resumed run runs the same plan.</summary>
    public string Text { get; init; } = "";

    public int? MaxParallel { get; init; }

    /// <summary>Run budget in US dollars for agents that spend money (LLM agents); null = unlimited.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>The <c>owners:</c> map in file order (category or path glob → owner); later entries win.</summary>
    public IReadOnlyList<OwnerRule> Owners { get; init; } = [];

    /// <summary>The <c>gates:</c> block; the seed's five gates with their defaults when the plan has none.</summary>
    public GateSettings Gates { get; init; } = GateSettings.Default;

    public IEnumerable<AgentSpec> AllAgents => Waves.SelectMany(w => w.Agents);

    /// <summary>What agents may know of the plan (they never see the engine's types).</summary>
    public PlanOverview Overview() => new(Name, AllAgents.Select(a => new PlannedAgent(a.Id, a.Kind, a.Settings)).ToList());
}
