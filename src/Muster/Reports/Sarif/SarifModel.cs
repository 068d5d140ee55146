using System.Text.Json.Serialization;

namespace Muster.Reports.Sarif;

// The subset of SARIF 2.1.0 Muster writes (docs/report-sarif.md). Null members are left out of the file.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    SarifAutomationDetails AutomationDetails,
    IReadOnlyList<SarifVersionControl>? VersionControlProvenance,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    SarifRunProperties Properties);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(
    string Name,
    string FullName,
    string Version,
    string SemanticVersion,
    string? InformationUri,
    IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifHelp Help,
    string? HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifText(string Text);

internal sealed record SarifHelp(string Text, string Markdown);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifRuleProperties(
    [property: JsonPropertyName("security-severity")] string? SecuritySeverity,
    [property: JsonPropertyName("problem.severity")] string? ProblemSeverity,
    IReadOnlyList<string> Tags);

internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    string StartTimeUtc,
    string? EndTimeUtc,
    IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifText Message);

internal sealed record SarifAutomationDetails(string Id);

internal sealed record SarifVersionControl(
    string RepositoryUri,
    string? RevisionId,
    string? Branch,
    SarifArtifactLocation MappedTo);

internal sealed record SarifArtifactLocation(
    string Uri,
    [property: JsonPropertyName("uriBaseId")] string? UriBaseId = null);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    SarifResultProperties Properties,
    IReadOnlyList<SarifLocation>? RelatedLocations = null);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifRegion(int StartLine, int? StartColumn, SarifText? Snippet);

internal sealed record SarifResultProperties(
    string Severity,
    string Category,
    string Title,
    string? AgentId,
    string? Host,
    string? LocationAnchor,
    IReadOnlyDictionary<string, string>? Details);

internal sealed record SarifRunProperties(
    string RunId,
    string PlanName,
    string Status,
    string? StopReason,
    int? ResultsTotal,
    int? ResultsOmitted);
