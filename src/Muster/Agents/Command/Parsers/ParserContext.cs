using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Command.Parsers;

/// <summary>
/// Where the tool ran and how to make its findings Muster's: paths relative to the root, text scrubbed of secrets,
/// severities from the plan's <c>severity-map</c> when it gives one.
/// </summary>
internal sealed class ParserContext
{
    public required string Root { get; init; }
    public required string WorkingDirectory { get; init; }
    public required string AgentId { get; init; }
    public required ISecretScrubber Scrubber { get; init; }
    /// <summary>The plan's <c>severity-map</c> (<see cref="OutputSettings.SeverityMap"/>).</summary>
    public IReadOnlyDictionary<string, Severity> SeverityMap { get; init; } = new Dictionary<string, Severity>();

    /// <summary>The plan's severity for a tool's level word (error, warning, 2...), when it maps one.</summary>
    public Severity? MappedSeverity(string? level) =>
        level is not null && SeverityMap.TryGetValue(level, out var severity) ? severity : null;

    public string Scrub(string text) => Scrubber.Scrub(text);

    /// <summary>
    /// A tool's path (absolute, relative to its working directory, or a file: URI) as a root-relative location;
    /// null when it points outside the root.
    /// </summary>
    public SourceLocation? Locate(string? path, int line = 0, int column = 0)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(WorkingDirectory, path));
        var relative = RootPaths.ToRelative(Root, full);
        return relative is null ? null : new SourceLocation(relative, Math.Max(0, line), Math.Max(0, column));
    }

    public Finding Complete(Finding finding, string discriminator) =>
        (finding with
        {
            AgentId = AgentId,
            RuleId = Scrub(finding.RuleId),
            Category = Scrub(finding.Category),
            Title = Scrub(finding.Title),
            Message = Scrub(finding.Message),
            Evidence = finding.Evidence is null ? null : Scrub(finding.Evidence),
            Remediation = finding.Remediation is null ? null : Scrub(finding.Remediation),
            Properties = finding.Properties.ToDictionary(p => p.Key, p => Scrub(p.Value)),
        }).WithDefaultFingerprint(discriminator);
}
