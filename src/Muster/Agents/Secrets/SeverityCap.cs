using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>The most a finding may be rated, and the sentence the report gives as the reason.</summary>
internal sealed record SeverityCap(Severity Max, string Why);
