namespace Muster.Agents.Dependencies.Osv;

/// <summary>The parts of an OSV advisory the dependency audit uses.</summary>
internal sealed record OsvAdvisory
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string Summary { get; init; } = "";
    public IReadOnlyList<string> SeverityVectors { get; init; } = [];
    public string? DatabaseSeverity { get; init; }
    public bool Withdrawn { get; init; }
    public IReadOnlyList<OsvAffected> Affected { get; init; } = [];

    /// <summary>Where the advisory was read from (file, or zip!entry), for the finding's evidence.</summary>
    public string Source { get; init; } = "";
}
