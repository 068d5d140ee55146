using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>What a parser read: findings (already scrubbed), metrics and a short note for the summary.</summary>
internal sealed record ParsedOutput(IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, double> Metrics, string Note);
