namespace Muster.Model;

/// <summary>What one agent attempt returns.</summary>
public sealed record AgentResult
{
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];

    /// <summary>One paragraph for people and later waves: what was checked, what was found, what could not be verified.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Numbers worth keeping (files scanned, bytes read, probes sent, tokens used...).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The machine (or cluster worker) the attempt ran on; set by the executor, not by agents. Null: not recorded.</summary>
    public string? Host { get; init; }

    public static AgentResult Empty(string summary = "") => new() { Summary = summary };
}
