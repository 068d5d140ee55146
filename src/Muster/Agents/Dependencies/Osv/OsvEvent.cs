namespace Muster.Agents.Dependencies.Osv;

/// <summary>One event of an OSV range: kind is introduced, fixed, last_affected or limit.</summary>
internal sealed record OsvEvent(string Kind, string Version);
