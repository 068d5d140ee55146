using Muster.Engine;
using Muster.Gaps;
using Muster.Gates;
using Muster.Model;

namespace Muster.Reports;

/// <summary>What reports say about the tool itself, and choices the run outcome cannot make.</summary>
public sealed record ReportOptions
{
    /// <summary>Tool version written in report.json and the SARIF driver. Defaults to the Muster library's version.</summary>
    public string ToolVersion { get; init; } = MusterVersion.Current;

    /// <summary>Project home page for SARIF's <c>tool.driver.informationUri</c>; omitted when null.</summary>
    public string? ToolInformationUri { get; init; } = MusterProject.HomeUri;

    /// <summary>Where the rule documentation lives (ends in '/'): SARIF's helpUri and report.html link into it; null: no links.</summary>
    public string? DocsBaseUri { get; init; } = MusterProject.DocsUri;

    /// <summary>
    /// Root-relative file given to SARIF results whose finding has no location and whose agent has no entry in
    /// <see cref="UnlocatedFindingPaths"/>: the file that configured the run (the plan). See docs/report-sarif.md for
    /// what is used when this is null too.
    /// </summary>
    public string? SarifUnlocatedFindingPath { get; init; }

    /// <summary>Per agent id, the root-relative file that configured it (its rules file, its manifest), for its unlocated findings.</summary>
    public IReadOnlyDictionary<string, string> UnlocatedFindingPaths { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Absolute folder SARIF artifact URIs are relative to (<c>%SRCROOT%</c>): the git work tree's root when the
    /// audited folder is inside one, so GitHub maps results to files. Null: the audited root.
    /// </summary>
    public string? SarifRoot { get; init; }

    /// <summary>Repository, revision and branch for SARIF's versionControlProvenance; null when not in a git work tree.</summary>
    public VersionControlInfo? VersionControl { get; init; }

    /// <summary>At most this many SARIF results (GitHub rejects a run with more than 25,000); the rest are summarised in a notification.</summary>
    public int SarifMaxResults { get; init; } = 25_000;

    /// <summary>
    /// Web address of the audited repository's files at the audited revision (e.g. <c>https://github.com/o/r/blob/SHA</c>),
    /// for report.html and the summary to link findings to their file and line; null: locations are not linked.
    /// </summary>
    public string? RepositoryFileUri { get; init; }

    /// <summary>
    /// Findings of one rule from one agent (and gaps of one rule) listed one by one before the rest become one
    /// aggregated "N more of RULE" entry; 0 lists everything. Totals and gates always count every finding.
    /// </summary>
    public int AggregateThreshold { get; init; } = 50;

    /// <summary>The run's gap register (owners from CODEOWNERS and the plan). Null: built from the findings with default owners.</summary>
    public GapRegister? Gaps { get; init; }

    /// <summary>Evaluated quality gates. Null: evaluated from the outcome with the default gate settings.</summary>
    public IReadOnlyList<GateResult>? Gates { get; init; }

    /// <summary>Earlier runs of the same journal, oldest first, for the trend; this run is added when missing.</summary>
    public IReadOnlyList<RunTrendPoint> History { get; init; } = [];

    /// <summary>The previous comparable run of the same journal, for each gap's new / persisting / fixed state; null on a first run.</summary>
    public RunOutcome? PreviousOutcome { get; init; }

    /// <summary>Finding fingerprints a baseline or allow-list hides, so a gap that left for that reason reads "suppressed", not "fixed".</summary>
    public IReadOnlySet<string> SuppressedFingerprints { get; init; } = new HashSet<string>();

    /// <summary>Findings a committed file (.musterignore, the secrets baseline, muster.yaml's exclude) suppressed in this run.</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>What the suppression files say about themselves: expired entries (which no longer suppress), deprecated files.</summary>
    public IReadOnlyList<string> SuppressionNotes { get; init; } = [];

    /// <summary>
    /// Numbered lines around a location, already scrubbed of secrets (null: no context), for report.html's evidence.
    /// Reports never read audited files themselves.
    /// </summary>
    public Func<SourceLocation, IReadOnlyList<(int Line, string Text)>?>? ContextLines { get; init; }

    /// <summary>Artifacts written beside the reports; report.html links them. Set by <see cref="ReportWriter.WriteAsync"/>.</summary>
    public IReadOnlyList<ExportedArtifact> ExportedArtifacts { get; init; } = [];

    public static ReportOptions Default { get; } = new();
}
