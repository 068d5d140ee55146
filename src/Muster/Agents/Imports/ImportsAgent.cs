using System.Text;
using Muster.Agents.Imports.JavaScript;
using Muster.Agents.Imports.Python;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Imports;

/// <summary>
/// Verifies that every import of the workspace's Python and JavaScript/TypeScript code resolves to something that
/// will exist at runtime: a local file, the standard library or Node built-ins, or a declared dependency. One agent
/// for both languages because both need the same single walk and the same manifests, and a plan wants one answer to
/// "will this code start?"; the <c>languages</c> setting narrows it.
/// </summary>
internal sealed class ImportsAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("imports", AgentRole.Scanner,
            "Verifies Python and JS/TS imports resolve (local modules, stdlib/Node built-ins, declared dependencies) without running code.",
            () => new ImportsAgent())
        {
            Settings = ImportsSettings.Docs,
            ValidateSettings = s => ImportsSettings.From(s),
        };

    private static readonly HashSet<string> JsExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts",
    };

    /// <summary>Build output holds copies of the sources; verifying them would repeat every finding.</summary>
    private static readonly HashSet<string> JsBuildFolders = new(StringComparer.Ordinal) { "dist", "build", "out", ".next", ".nuxt", "coverage" };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
        Task.Run(() => Run(context, cancellationToken), cancellationToken);

    private static AgentResult Run(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = ImportsSettings.From(context.Settings);
        var languages = settings.Verified;
        var maxBytes = settings.MaxFileBytes;
        var walker = new WorkspaceWalker(context.Root, new WalkOptions
        {
            Include = settings.Include,
            Exclude = settings.Exclude,
        });

        var pythonFiles = new List<WorkspaceFile>();
        var pythonManifests = new List<WorkspaceFile>();
        var jsFiles = new List<WorkspaceFile>();
        var jsConfig = new List<WorkspaceFile>();
        var skippedLarge = new List<WorkspaceFile>();
        var templates = 0;
        var lockfiles = new List<WorkspaceFile>();
        foreach (var file in InstalledCodeFilter.ProjectFilesOnly(walker.EnumerateFiles(cancellationToken)))
        {
            var name = Path.GetFileName(file.RelativePath);
            var extension = Path.GetExtension(name);
            if (SourceContext.Of(file.RelativePath).IsTemplate)
            {
                if (extension is ".py" || JsExtensions.Contains(extension)) templates++;
                continue; // scaffolds are text a generator renders, and their manifests describe projects that do not exist yet
            }
            if (LockedPackages.IsLockfile(name)) lockfiles.Add(file);
            if (languages.Contains("python") && PythonImportVerifier.IsProjectFile(name)) pythonManifests.Add(file);
            else if (languages.Contains("javascript") && (name is "package.json" or "pnpm-workspace.yaml" or ".gitignore" || JavaScript.BundlerAliases.IsConfigFile(name))) jsConfig.Add(file);
            if (file.Length > maxBytes && (extension is ".py" || JsExtensions.Contains(extension))) { skippedLarge.Add(file); continue; }
            if (languages.Contains("python") && extension == ".py") pythonFiles.Add(file);
            else if (languages.Contains("javascript") && JsExtensions.Contains(extension) && !InBuildFolder(file.RelativePath)) jsFiles.Add(file);
        }

        var probe = new PathProbe(context.Root);
        var findings = new List<Finding>();
        var errors = walker.Errors.Select(e => (e.RelativePath, e.Message)).ToList();

        var locks = new LockedPackages();
        foreach (var lockfile in lockfiles) locks.Read(lockfile, probe, errors);
        var python = new PythonImportVerifier(probe, pythonManifests, locks);
        python.IndexPackages(pythonFiles);
        foreach (var file in PythonImportVerifier.InVerificationOrder(pythonFiles))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadText(file, errors) is { } text) python.VerifyFile(file.RelativePath, text);
            if (python.FilesScanned % 500 == 0) context.ReportProgress($"{python.FilesScanned:N0}/{pythonFiles.Count:N0} Python files");
        }
        python.Finish();
        findings.AddRange(python.Findings);

        var js = new JsImportVerifier(probe, jsConfig.OrderBy(f => f.RelativePath.Count(c => c == '/')), errors, locks);
        foreach (var file in jsFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadText(file, errors) is { } text) js.VerifyFile(file.RelativePath, text);
            if (js.FilesScanned % 500 == 0) context.ReportProgress($"{js.FilesScanned:N0}/{jsFiles.Count:N0} JS/TS files");
        }
        findings.AddRange(js.Findings);

        foreach (var manifest in python.Manifests.Concat(js.Manifests).Where(m => m.Error is not null))
        {
            findings.Add(ImportFindings.Create(ImportFindings.ManifestUnreadable, Severity.Info, "Dependency manifest could not be read",
                $"{manifest.Path}: {manifest.Error}. Its declarations are unknown, so imports it might declare are reported as unverified, not as fine.",
                new SourceLocation(manifest.Path), manifest.Path, "Fix the manifest's syntax."));
        }
        var pastBudget = python.Manifests.Concat(js.Manifests).Where(m => m.Skipped > 0).ToList();
        findings.AddRange(pastBudget.Select(m => SkippedInputFindings.PastEntryBudget(ImportFindings.Category, m.FirstSkipped.Path, m.FirstSkipped.Line, m.Skipped, m.Budget,
            $"names {m.Path} declares there are unknown, so imports they might provide are reported as unverified, and its declarations were not checked for use")));
        foreach (var manifest in python.Manifests)
        {
            foreach (var outside in manifest.Outside.DistinctBy(o => (o.Path, o.Line)))
            {
                findings.Add(OutsideReferenceFindings.Create(ImportFindings.Category, OutsideWhat(outside.Option), outside.Reference,
                    new SourceLocation(outside.Path, outside.Line)));
            }
        }
        foreach (var (path, message) in errors)
        {
            findings.Add(ImportFindings.Create("MUSTER-SCAN-ERROR", Severity.Info, "File or folder could not be read",
                $"Not audited: {message}", new SourceLocation(path), message, "Make the path readable by the user running Muster."));
        }
        findings.AddRange(skippedLarge.Select(f => SkippedInputFindings.TooLarge(ImportFindings.Category, f.RelativePath, f.Length, maxBytes, "max-file-bytes",
            "the imports in it were not checked")));

        var summary = new StringBuilder()
            .Append($"Python: {python.FilesScanned:N0} files, {python.ImportsChecked:N0} imports, {python.Unresolved:N0} will fail at runtime")
            .Append($" ({python.Provided:N0} undeclared but provided, {python.UnverifiedCount:N0} unverified). ")
            .Append($"JS/TS: {js.FilesScanned:N0} files, {js.ImportsChecked:N0} imports, {js.Unresolved:N0} will fail at runtime")
            .Append($" ({js.Provided:N0} undeclared but provided, {js.UnverifiedCount:N0} unverified). ")
            .Append($"{skippedLarge.Count} files too large, {errors.Count} unreadable and {templates} scaffold templates were not verified.")
            .Append(pastBudget.Count == 0 ? "" : $" {pastBudget.Count} manifest(s) read only up to the entry budget: {string.Join(", ", pastBudget.Take(10).Select(m => m.Path))}.")
            .ToString();
        return new AgentResult
        {
            Findings = findings,
            Summary = summary,
            Metrics = new Dictionary<string, double>
            {
                ["python_files"] = python.FilesScanned,
                ["python_imports"] = python.ImportsChecked,
                ["python_unresolved"] = python.Unresolved,
                ["python_provided"] = python.Provided,
                ["python_unverified"] = python.UnverifiedCount,
                ["js_files"] = js.FilesScanned,
                ["js_imports"] = js.ImportsChecked,
                ["js_unresolved"] = js.Unresolved,
                ["js_provided"] = js.Provided,
                ["js_unverified"] = js.UnverifiedCount,
                ["template_files_not_verified"] = templates,
                ["files_not_verified"] = skippedLarge.Count + errors.Count,
            },
        };
    }

    private static string OutsideWhat(string option) => option switch
    {
        "-c" => "requirements constrain with",
        "-e" => "requirements install (editable)",
        _ => "requirements include",
    };

    private static bool InBuildFolder(string relativePath)
    {
        var parts = relativePath.Split('/');
        for (var i = 0; i < parts.Length - 1; i++) if (JsBuildFolders.Contains(parts[i])) return true;
        return false;
    }

    private static string? ReadText(WorkspaceFile file, List<(string, string)> errors)
    {
        try
        {
            return File.ReadAllText(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add((file.RelativePath, e.Message));
            return null;
        }
    }
}
