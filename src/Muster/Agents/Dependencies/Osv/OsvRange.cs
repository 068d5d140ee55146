namespace Muster.Agents.Dependencies.Osv;

/// <summary>An OSV range: SEMVER and ECOSYSTEM types are evaluated; GIT ranges name commits and are not.</summary>
internal sealed record OsvRange(string Type, IReadOnlyList<OsvEvent> Events);
