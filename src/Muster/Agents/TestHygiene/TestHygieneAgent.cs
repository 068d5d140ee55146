using System.Text;
using System.Text.Json;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.TestHygiene;

/// <summary>
/// Counts tests per project and finds the ones that do not run: skipped, conditionally skipped, placeholders, and
/// focused tests (<c>.only</c>, <c>fit</c>), which silently skip everything else. Reads source with tokenizers, never
/// runs it, so a commented-out <c>it.only</c> does not count. Metrics feed the "zero test.skip()" quality gate.
/// </summary>
internal sealed class TestHygieneAgent : IAgent
{
    public const string Focused = "MUSTER-TEST-FOCUSED";
    public const string Skipped = "MUSTER-TEST-SKIPPED";
    public const string ConditionallySkipped = "MUSTER-TEST-SKIPPED-CONDITIONAL";
    public const string Todo = "MUSTER-TEST-TODO";

    public static readonly AgentDescriptor Descriptor =
        new("test-hygiene", AgentRole.Scanner,
            "Counts tests per project and finds skipped, focused (.only) and todo tests in JS/TS, Python and C#.",
            () => new TestHygieneAgent())
        {
            Settings = TestHygieneSettings.Docs,
            ValidateSettings = s => TestHygieneSettings.From(s),
            Metrics = [GateMetricNames.TestsTotal, GateMetricNames.TestsSkipped, GateMetricNames.TestsFocused],
        };

    private static readonly HashSet<string> JsExtensions = new(StringComparer.OrdinalIgnoreCase) { ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts" };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
        Task.Run(() => Run(context, cancellationToken), cancellationToken);

    private static AgentResult Run(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = TestHygieneSettings.From(context.Settings);
        var maxBytes = settings.MaxFileBytes;
        var walker = new WorkspaceWalker(context.Root, new WalkOptions
        {
            Include = settings.Include,
            Exclude = settings.Exclude,
        });
        var files = InstalledCodeFilter.ProjectFilesOnly(walker.EnumerateFiles(cancellationToken));
        var projectDirectories = files.Where(f => IsProjectMarker(Path.GetFileName(f.RelativePath)))
            .Select(f => PathProbe.DirectoryOf(f.RelativePath)).ToHashSet(StringComparer.Ordinal);

        var projects = new SortedDictionary<string, ProjectTestCounts>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        var markerRecords = new List<object>();
        var conditional = new List<(string Path, TestMarker Marker)>();
        var tooLarge = new List<WorkspaceFile>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scanner = ScannerFor(file.RelativePath);
            if (scanner is null) continue;
            if (file.Length > maxBytes) { tooLarge.Add(file); continue; }
            string text;
            try
            {
                text = File.ReadAllText(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                walker.RecordError(file.RelativePath, e.Message);
                continue;
            }
            var scan = scanner(text);
            if (scan.Tests == 0 && scan.Markers.Count == 0) continue;
            var project = PathProbe.SelfAndAncestors(PathProbe.DirectoryOf(file.RelativePath)).FirstOrDefault(projectDirectories.Contains) ?? "";
            var key = project.Length == 0 ? "." : project;
            if (!projects.TryGetValue(key, out var counts)) projects[key] = counts = new ProjectTestCounts(key);
            counts.Add(scan);
            foreach (var marker in scan.Markers)
            {
                // A skip under a condition is often right (a platform, an optional dependency): counted and listed, not a finding each.
                if (marker.Kind == TestMarkerKind.ConditionallySkipped) conditional.Add((file.RelativePath, marker));
                else findings.Add(ToFinding(file.RelativePath, marker));
                markerRecords.Add(new { path = file.RelativePath, line = marker.Line, column = marker.Column, kind = KindName(marker.Kind), pattern = marker.Pattern, language = scan.Language });
            }
        }
        findings.AddRange(tooLarge.Select(f => SkippedInputFindings.TooLarge("tests", f.RelativePath, f.Length, maxBytes, "max-file-bytes",
            "its tests were not counted and not checked for skip, focus or todo markers")));
        var notRead = tooLarge.Count;
        foreach (var error in walker.Errors)
        {
            findings.Add(new Finding
            {
                RuleId = "MUSTER-SCAN-ERROR",
                Title = "File or folder could not be read",
                Severity = Severity.Info,
                Category = "scan",
                Message = $"Not audited: {error.Message}",
                Location = new SourceLocation(error.RelativePath),
            }.WithDefaultFingerprint());
        }

        var totals = new ProjectTestCounts("total");
        foreach (var p in projects.Values)
        {
            totals.Files += p.Files;
            totals.Tests += p.Tests;
            totals.Skipped += p.Skipped;
            totals.ConditionallySkipped += p.ConditionallySkipped;
            totals.Focused += p.Focused;
            totals.Todo += p.Todo;
        }
        return new AgentResult
        {
            Findings = findings,
            Artifacts =
            [
                new Artifact("test-hygiene.md", "text/markdown", Markdown(projects.Values, totals, notRead, conditional)),
                new Artifact("test-hygiene.json", "application/json", Json(projects.Values, totals, markerRecords, notRead)),
            ],
            Summary = $"{totals.Tests:N0} tests in {totals.Files:N0} files across {projects.Count} projects: {totals.Skipped} skipped, " +
                      $"{totals.ConditionallySkipped} conditionally skipped, {totals.Focused} focused, {totals.Todo} todo. " +
                      $"{notRead} test files too large and {walker.Errors.Count} unreadable were not counted.",
            Metrics = new Dictionary<string, double>
            {
                [GateMetricNames.TestsTotal] = totals.Tests,
                [GateMetricNames.TestsSkipped] = totals.Skipped + totals.ConditionallySkipped,
                ["tests_skipped_unconditional"] = totals.Skipped,
                [GateMetricNames.TestsFocused] = totals.Focused,
                ["tests_todo"] = totals.Todo,
                ["test_files"] = totals.Files,
                ["files_not_counted"] = notRead + walker.Errors.Count,
            },
        };
    }

    private static Func<string, TestFileScan>? ScannerFor(string relativePath)
    {
        var extension = Path.GetExtension(relativePath);
        if (JsExtensions.Contains(extension)) return JsTestScanner.IsTestFile(relativePath) ? JsTestScanner.Scan : null;
        if (extension == ".py") return PythonTestScanner.IsTestFile(relativePath) ? PythonTestScanner.Scan : null;
        return extension == ".cs" ? CSharpTestScanner.Scan : null;
    }

    private static bool IsProjectMarker(string name) =>
        name is "package.json" or "pyproject.toml" or "setup.py" or "setup.cfg" or "Pipfile" ||
        name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".fsproj", StringComparison.Ordinal) ||
        (name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal));

    private static Finding ToFinding(string path, TestMarker marker)
    {
        var (rule, severity, title, message, remediation) = marker.Kind switch
        {
            TestMarkerKind.Focused => (Focused, Severity.High, $"Focused test '{marker.Pattern}'",
                $"'{marker.Pattern}' makes the runner execute only the focused tests: every other test in the file (or run) is silently skipped while the run still reports success.",
                "Remove the focus before committing. Make CI fail on it: mocha --forbid-only, Playwright forbidOnly, Vitest allowOnly: false; for Jest a lint rule such as jest/no-focused-tests."),
            TestMarkerKind.Skipped => (Skipped, Severity.Medium, $"Skipped test '{marker.Pattern}'",
                $"'{marker.Pattern}' disables this test: it never runs, and a pass count that leaves it out over-claims coverage.",
                "Fix and re-enable it, or delete it with a tracked issue."),
            TestMarkerKind.ConditionallySkipped => (ConditionallySkipped, Severity.Low, $"Conditionally skipped test '{marker.Pattern}'",
                $"'{marker.Pattern}' skips the test (or expects it to fail) under a condition: check that the condition is still needed.",
                "Keep only conditions that reflect a real platform or version limit."),
            _ => (Todo, Severity.Info, $"Placeholder test '{marker.Pattern}'",
                $"'{marker.Pattern}' is a test with no body yet: it is counted as todo, not as a test.", "Write the test or remove the placeholder."),
        };
        return new Finding
        {
            RuleId = rule,
            Title = title,
            Severity = severity,
            Category = "tests",
            Message = message,
            Location = new SourceLocation(path, marker.Line, marker.Column),
            Remediation = remediation,
            Properties = new Dictionary<string, string> { ["pattern"] = marker.Pattern },
        }.WithDefaultFingerprint(marker.Pattern + "@" + marker.Line);
    }

    private static string KindName(TestMarkerKind kind) => kind switch
    {
        TestMarkerKind.Focused => "focused",
        TestMarkerKind.Skipped => "skipped",
        TestMarkerKind.ConditionallySkipped => "skipped-conditional",
        _ => "todo",
    };

    private const int ListedConditionalSkips = 200;

    private static string Markdown(IEnumerable<ProjectTestCounts> projects, ProjectTestCounts totals, int notRead, List<(string Path, TestMarker Marker)> conditional)
    {
        var builder = new StringBuilder("# Test hygiene\n\n| Project | Languages | Test files | Tests | Skipped | Conditional | Focused | Todo |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in projects)
        {
            builder.Append($"| {p.Project} | {string.Join(", ", p.Languages)} | {p.Files} | {p.Tests} | {p.Skipped} | {p.ConditionallySkipped} | {p.Focused} | {p.Todo} |\n");
        }
        builder.Append($"| **total** | | {totals.Files} | {totals.Tests} | {totals.Skipped} | {totals.ConditionallySkipped} | {totals.Focused} | {totals.Todo} |\n");
        if (notRead > 0) builder.Append($"\n{notRead} test files were too large to read and are not counted.\n");
        if (conditional.Count > 0)
        {
            builder.Append($"\n## Conditional skips ({conditional.Count})\n\nSkipped or expected to fail under a condition; counted above, not reported one by one. Check that each condition is still needed.\n\n");
            foreach (var (path, marker) in conditional.Take(ListedConditionalSkips)) builder.Append($"- `{path}:{marker.Line}` `{marker.Pattern}`\n");
            if (conditional.Count > ListedConditionalSkips) builder.Append($"- ... and {conditional.Count - ListedConditionalSkips} more (test-hygiene.json lists every one)\n");
        }
        return builder.ToString();
    }

    private static string Json(IEnumerable<ProjectTestCounts> projects, ProjectTestCounts totals, List<object> markers, int notRead)
    {
        object Counts(ProjectTestCounts p) => new
        {
            project = p.Project,
            languages = p.Languages.ToList(),
            files = p.Files,
            tests = p.Tests,
            skipped = p.Skipped,
            skipped_conditional = p.ConditionallySkipped,
            focused = p.Focused,
            todo = p.Todo,
        };
        return JsonSerializer.Serialize(new
        {
            projects = projects.Select(Counts).ToList(),
            totals = Counts(totals),
            markers,
            files_not_counted = notRead,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
