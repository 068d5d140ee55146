using Muster.Engine;
using Muster.Model;

namespace Muster.Reports.Sarif;

/// <summary>
/// Gives every result a location, because GitHub code scanning rejects a whole upload when one result has none.
/// A finding without a file is anchored, in this order, to: the file that configured its agent
/// (<see cref="ReportOptions.UnlocatedFindingPaths"/>), the file that configured the run
/// (<see cref="ReportOptions.SarifUnlocatedFindingPath"/>), the first file its agent reported on, the first file any
/// agent reported on, the audited folder (when it is not the SARIF root), and finally the SARIF root itself. The
/// result says which anchor it got in <c>properties.locationAnchor</c>.
/// </summary>
internal sealed class SarifLocator
{
    private readonly SarifUri _uris;
    private readonly ReportOptions _options;
    private readonly Dictionary<string, SourceLocation> _firstByAgent = new(StringComparer.Ordinal);
    private readonly SourceLocation? _firstInRun;

    public SarifLocator(RunOutcome outcome, ReportOptions options, SarifUri uris)
    {
        _uris = uris;
        _options = options;
        foreach (var finding in outcome.Findings)
        {
            if (finding.Location is not { Path.Length: > 0 } location) continue;
            _firstInRun ??= location;
            _firstByAgent.TryAdd(finding.AgentId, location);
        }
    }

    /// <summary>The result's location, and the anchor it was given when the finding named no file (null when it did).</summary>
    public (SarifLocation Location, string? Anchor) Locate(Finding finding)
    {
        if (finding.Location is { } location && _uris.ForPath(location.Path) is { } artifact)
        {
            var line = location.Line > 0 ? location.Line : 1;
            int? column = location.Line > 0 && location.Column > 0 ? location.Column : null;
            var snippet = string.IsNullOrEmpty(finding.Evidence) ? null : new SarifText(finding.Evidence);
            return (new SarifLocation(new SarifPhysicalLocation(artifact, new SarifRegion(line, column, snippet))), null);
        }
        var (anchor, kind) = Anchor(finding);
        return (new SarifLocation(new SarifPhysicalLocation(anchor, new SarifRegion(1, null, null))), kind);
    }

    private (SarifArtifactLocation Artifact, string Kind) Anchor(Finding finding)
    {
        if (_options.UnlocatedFindingPaths.GetValueOrDefault(finding.AgentId) is { } agentFile && _uris.ForPath(agentFile) is { } a) return (a, "agent configuration");
        if (_options.SarifUnlocatedFindingPath is { } runFile && _uris.ForPath(runFile) is { } r) return (r, "run configuration");
        if (_firstByAgent.GetValueOrDefault(finding.AgentId) is { } sibling && _uris.ForPath(sibling.Path) is { } s) return (s, "first file of the same agent");
        if (_firstInRun is { } first && _uris.ForPath(first.Path) is { } f) return (f, "first file of the run");
        if (_uris.AuditedFolder() is { } folder) return (folder, "audited folder");
        return (new SarifArtifactLocation(".", SarifUri.SourceRootId), "audited folder");
    }
}
