using System.Globalization;
using Muster.Agents.Dependencies.Osv;
using Muster.Formats.Limits;
using Muster.Formats.Packages.Model;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Dependencies;

/// <summary>
/// The dependency audit (the seed's "18 NPM + 50+ Python packages cataloged", made checkable): inventories every
/// npm, PyPI and NuGet package the workspace declares or locks, flags hygiene problems, matches versions against an
/// offline OSV database when one is given, and writes a CycloneDX or SPDX SBOM on request. Reads files only; never runs a
/// package manager and never touches the network.
/// </summary>
internal sealed class DependenciesAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("dependencies", AgentRole.Scanner,
            "Inventories npm/PyPI/NuGet dependencies, checks pinning and lockfile sync, matches an offline OSV database, writes a CycloneDX or SPDX SBOM.",
            () => new DependenciesAgent())
        {
            Settings = DependenciesSettings.Docs,
            ValidateSettings = s => DependenciesSettings.From(s),
        };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = DependenciesSettings.From(context.Settings);
        var maxBytes = settings.MaxManifestBytes;
        var started = context.Time.GetTimestamp();
        var maxEntries = settings.MaxManifestEntries;
        var scan = new ManifestScanner(maxBytes, maxEntries).Scan(context.Root, new WalkOptions
        {
            Include = settings.Include,
            Exclude = settings.Exclude,
        }, context.ReportProgress, cancellationToken);
        var problems = scan.Result.Problems.Concat(scan.WalkErrors).ToList();
        var inventory = new DependencyInventory(scan.Result.Packages, scan.Result.Projects);

        var scanMs = context.Time.GetElapsedTime(started).TotalMilliseconds;
        var notRead = scan.TooLarge.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var findings = problems.Where(p => !(p.Line == 0 && notRead.Contains(p.Path))).Select(ScanErrorFinding).ToList();
        findings.AddRange(scan.TooLarge.Select(f => SkippedInputFindings.TooLarge(HygieneChecks.Category, f.RelativePath, f.Length, maxBytes, "max-manifest-bytes",
            "the packages it declares were not inventoried or checked for known vulnerabilities")));
        findings.AddRange(HygieneChecks.Run(inventory));
        var hygieneMs = context.Time.GetElapsedTime(started).TotalMilliseconds - scanMs;

        var metrics = new Dictionary<string, double>
        {
            ["files_seen"] = scan.FilesSeen,
            ["manifests"] = scan.ManifestsRead,
            ["packages"] = inventory.Packages.Count,
            ["scan_errors"] = problems.Count,
            ["scan_ms"] = Math.Round(scanMs),
            ["hygiene_ms"] = Math.Round(hygieneMs),
        };
        var counts = inventory.Counts();
        foreach (var c in counts) metrics[$"packages_{c.Ecosystem.ToOsvName().ToLowerInvariant()}"] = c.Packages;

        var vulnStart = context.Time.GetTimestamp();
        var vulnSummary = CheckVulnerabilities(context, settings, inventory, findings, metrics, cancellationToken);
        metrics["vulnerability_ms"] = Math.Round(context.Time.GetElapsedTime(vulnStart).TotalMilliseconds);

        var artifacts = new List<Artifact>
        {
            new("dependencies.json", "application/json", InventoryReport.Json(inventory, problems)),
            new("dependencies.md", "text/markdown", InventoryReport.Markdown(inventory)),
        };
        var sbomSummary = WriteSbom(context, settings, inventory, findings, metrics);

        var countText = counts.Count == 0
            ? "no packages"
            : string.Join(", ", counts.Select(c => $"{c.Ecosystem.ToOsvName()} {c.Packages} ({c.Direct} direct, {c.Development} dev)"));
        var rangeOnly = inventory.Packages.Count(p => p.Version is null);
        var summary = $"Read {scan.ManifestsRead} manifests/lockfiles: {countText}. " +
                      $"{rangeOnly} entries are ranges without a locked version (reported as ranges, matched conservatively). " +
                      $"{problems.Count} scan errors. " +
                      (scan.Templates.Count > 0 ? $"{scan.Templates.Count} templated manifest(s) ({{{{ … }}}} placeholders, e.g. {scan.Templates[0]}) skipped: a generated project's, not this workspace's. " : "") +
                      $"{vulnSummary}{sbomSummary}";
        return Task.FromResult(new AgentResult
        {
            Findings = findings.Select(f => f with { AgentId = context.AgentId }).ToList(),
            Artifacts = artifacts,
            Summary = summary,
            Metrics = metrics,
        });
    }

    private static string CheckVulnerabilities(AgentContext context, DependenciesSettings settings, DependencyInventory inventory, List<Finding> findings,
        Dictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        var chosen = context.RunParameters.GetValueOrDefault("osv-db") ?? settings.OsvDatabase;
        var dbPath = string.IsNullOrWhiteSpace(chosen) ? context.RunParameters.GetValueOrDefault(OsvDatabaseCheck.DefaultCacheParameter) : chosen;
        var origin = string.IsNullOrWhiteSpace(chosen) ? " (the default cache written by muster osv update, used because no osv-db was given)" : "";
        if (string.IsNullOrWhiteSpace(dbPath))
        {
            findings.Add(new Finding
            {
                RuleId = "DEP-VULN-UNCHECKED",
                Title = "Known vulnerabilities were not checked",
                Severity = Severity.Info,
                Category = HygieneChecks.Category,
                Message = $"No OSV database was given, so none of the {inventory.Packages.Count} inventoried packages was checked for known vulnerabilities: unverified, not clean.",
                Location = FirstManifest(inventory),
                Remediation = "Run `muster osv update` (the next audit uses its database), or pass --osv-db PATH to an OSV export.",
            }.WithDefaultFingerprint());
            return "Known vulnerabilities: NOT checked (no osv-db given).";
        }
        var fullPath = Path.GetFullPath(dbPath);
        OsvDatabase db;
        try
        {
            db = OsvDatabase.Load(fullPath, VulnerabilityChecks.WantedKeys(inventory), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Add(new Finding
            {
                RuleId = "DEP-VULN-UNCHECKED",
                Title = "OSV database could not be read",
                Severity = Severity.Medium,
                Category = HygieneChecks.Category,
                Message = $"The OSV database at '{dbPath}' could not be read ({e.Message}); known vulnerabilities were not checked: unverified, not clean.",
                Location = FirstManifest(inventory),
                Remediation = "Point --osv-db at a folder of OSV JSON files or an OSV all.zip export.",
            }.WithDefaultFingerprint());
            return "Known vulnerabilities: NOT checked (osv-db unreadable).";
        }
        if (db.DocumentsParsed == 0)
        {
            var why = db.Errors.Count > 0 ? string.Join("; ", db.Errors.Take(3)) : OsvDatabase.NoAdvisoryFiles;
            findings.Add(new Finding
            {
                RuleId = "DEP-VULN-UNCHECKED",
                Title = "OSV database holds no readable advisory",
                Severity = Severity.Medium,
                Category = HygieneChecks.Category,
                Message = $"No advisory of the OSV database at '{dbPath}' could be read ({why}); known vulnerabilities were not checked: unverified, not clean.",
                Location = FirstManifest(inventory),
                Remediation = "Run `muster osv update`, or point --osv-db at a folder of OSV JSON files, an intact OSV all.zip export or osv-offline .nedb files (see docs/input-limits.md).",
            }.WithDefaultFingerprint("empty"));
            return "Known vulnerabilities: NOT checked (osv-db holds no readable advisory).";
        }
        var checks = new VulnerabilityChecks(db);
        var vulns = checks.Run(inventory).ToList();
        findings.AddRange(vulns);
        var freshness = OsvFreshness.Of(db, fullPath, context.Time.GetUtcNow());
        var maxAgeDays = settings.OsvMaxAgeDays;
        findings.AddRange(OsvCoverage.Findings(inventory, freshness, dbPath, maxAgeDays));
        foreach (var f in freshness.Where(f => EcosystemNames.FromOsvName(f.Ecosystem) is not null))
        {
            metrics[$"osv_advisories_{f.Ecosystem.ToLowerInvariant()}"] = f.Advisories;
            if (f.AgeDays is { } age) metrics[$"osv_age_days_{f.Ecosystem.ToLowerInvariant()}"] = age;
        }
        foreach (var error in db.Errors.Take(50))
        {
            findings.Add(new Finding
            {
                RuleId = "DEP-SCAN-ERROR",
                Title = "OSV advisory could not be read",
                Severity = Severity.Medium,
                Category = HygieneChecks.Category,
                Message = $"Not checked against: {error}. A package it concerns may be vulnerable and not reported.",
            }.WithDefaultFingerprint(error));
        }
        metrics["osv_documents"] = db.DocumentsRead;
        metrics["osv_advisories_matched_by_name"] = db.AdvisoriesKept;
        metrics["vulnerable"] = vulns.Count(f => f.RuleId == "DEP-VULN");
        metrics["possibly_vulnerable"] = vulns.Count(f => f.RuleId == "DEP-VULN-RANGE");
        metrics["not_checkable"] = checks.Unparseable;
        return $"Known vulnerabilities: {checks.Checked} entries checked against {db.DocumentsRead:N0} OSV documents from {dbPath}{origin}; " +
               OsvCoverage.Describe(freshness, maxAgeDays) +
               $"{vulns.Count(f => f.RuleId == "DEP-VULN")} affected, {vulns.Count(f => f.RuleId == "DEP-VULN-RANGE")} possibly affected (range, unverified), " +
               $"{checks.Unparseable} not checkable (no registry version or range).";
    }

    private static string WriteSbom(AgentContext context, DependenciesSettings settings, DependencyInventory inventory, List<Finding> findings, Dictionary<string, double> metrics)
    {
        var target = context.RunParameters.GetValueOrDefault("sbom") ?? settings.Sbom;
        if (string.IsNullOrWhiteSpace(target)) return "";
        var path = Path.GetFullPath(target);
        var formatName = context.RunParameters.GetValueOrDefault(SbomFormats.Key) ?? settings.SbomFormat;
        if (SbomFormats.Parse(formatName) is not { } format)
        {
            findings.Add(SbomNotWritten(path, $"'{formatName}' is not an SBOM format; use {SbomFormats.Names}."));
            return " SBOM NOT written.";
        }
        try
        {
            var graph = SbomGraph.Build(inventory, Path.GetFileName(context.Root.TrimEnd(Path.DirectorySeparatorChar)));
            var text = format == SbomFormat.Spdx
                ? SpdxWriter.Write(graph, context.Time.GetUtcNow(), Guid.NewGuid())
                : SbomWriter.Write(graph, context.Time.GetUtcNow(), Guid.NewGuid());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            metrics["sbom_bytes"] = text.Length;
            metrics["sbom_nodes"] = graph.NodeCount;
            metrics["sbom_edges"] = graph.EdgeCount;
            return $" {SbomFormats.Title(format)} SBOM written to {path} ({graph.NodeCount} nodes, {graph.EdgeCount} edges).";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Add(SbomNotWritten(path, $"Writing the SBOM to '{path}' failed: {e.Message}"));
            return " SBOM NOT written.";
        }
    }

    private static Finding SbomNotWritten(string path, string message) => new Finding
    {
        RuleId = "DEP-SBOM-NOT-WRITTEN",
        Title = "SBOM could not be written",
        Severity = Severity.Low,
        Category = HygieneChecks.Category,
        Message = message,
    }.WithDefaultFingerprint();

    private static Finding ScanErrorFinding(ManifestProblem problem) => new Finding
    {
        RuleId = "DEP-SCAN-ERROR",
        Title = "Manifest could not be read completely",
        Severity = Severity.Low,
        Category = HygieneChecks.Category,
        Message = $"Dependencies in {problem.Path}{(problem.Line > 0 ? ":" + problem.Line.ToString(CultureInfo.InvariantCulture) : "")} are not (all) audited: {problem.Message}",
        Location = new SourceLocation(problem.Path, problem.Line),
        Remediation = "Fix the file so the package manager (and Muster) can read it.",
    }.WithDefaultFingerprint(problem.Message);

    /// <summary>Run-level dependency findings point at the first manifest read, so every SARIF result has a location.</summary>
    private static SourceLocation? FirstManifest(DependencyInventory inventory) =>
        inventory.Packages.Select(p => p.ManifestPath).Order(StringComparer.Ordinal).Select(p => new SourceLocation(p, 1)).FirstOrDefault();
}
