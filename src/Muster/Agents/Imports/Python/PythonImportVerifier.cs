using Muster.Formats.Docker;
using Muster.Formats.Python;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Resolves every Python import the way the interpreter would find it, without running anything: relative imports
/// against the package tree; local modules on the file's search path (its script folder, package root, project root
/// and <c>src/</c>, pytest's <c>pythonpath</c> and conftest folders for tests, folders the code itself puts on
/// <c>sys.path</c>); the standard library; the project's declared distributions; other projects of the tree (uv
/// workspace members, path dependencies, sibling <c>src/</c> layouts); a local virtualenv. Only what resolves nowhere
/// is reported as failing at runtime; what is present but undeclared, or cannot be settled, is reported as such.
/// </summary>
internal sealed class PythonImportVerifier
{
    /// <summary>setup.py runs inside the build environment, which provides these; they are not runtime dependencies.</summary>
    private static readonly HashSet<string> BuildBackends = new(StringComparer.Ordinal) { "setuptools", "pkg_resources", "wheel", "Cython", "distutils" };

    private readonly PathProbe _probe;
    private readonly LockedPackages _locks;
    private readonly PythonModuleLocator _locator;
    private readonly PythonWorkspace _workspace;
    private readonly IReadOnlySet<string> _projectDirectories;
    private readonly Dictionary<string, IReadOnlyList<DeclaredManifest>> _manifestsByDirectory;
    private readonly Dictionary<string, Dictionary<string, DeclaredDependency>> _containerInstallsByDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstalledDistributions> _venvs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _usedByManifest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _filesByProject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _conftestPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _probesByProject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _aliasingSources = new(StringComparer.Ordinal);
    private readonly List<PythonFindingDraft> _drafts = [];
    private readonly Dictionary<string, string> _packagesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectDeclarations> _declarationsByProject = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];

    public PythonImportVerifier(PathProbe probe, IEnumerable<WorkspaceFile> manifests, LockedPackages locks)
    {
        _probe = probe;
        _locks = locks;
        _locator = new PythonModuleLocator(probe);
        var all = manifests.ToList();
        _manifestsByDirectory = all.Where(m => DeclaredDependencies.IsPythonManifest(Path.GetFileName(m.RelativePath)))
            .GroupBy(m => PathProbe.DirectoryOf(m.RelativePath), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DeclaredManifest>)g
                .OrderBy(m => m.RelativePath, StringComparer.Ordinal)
                .Select(m => DeclaredDependencies.ReadPython(probe.Root, m.FullPath, m.RelativePath)).ToList(), StringComparer.Ordinal);
        _projectDirectories = _manifestsByDirectory.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var dockerfile in all.Where(m => DockerfileInstructions.IsDockerfile(Path.GetFileName(m.RelativePath))))
        {
            if (ReadContainerInstalls(dockerfile) is not { Count: > 0 } installs) continue;
            var folder = PathProbe.DirectoryOf(dockerfile.RelativePath);
            if (!_containerInstallsByDirectory.TryGetValue(folder, out var byName)) _containerInstallsByDirectory[folder] = byName = new(StringComparer.Ordinal);
            foreach (var install in installs) byName.TryAdd(PythonDistributionNames.Normalize(install.Name), install);
        }
        var projects = new Dictionary<string, PythonProjectInfo>(StringComparer.Ordinal);
        foreach (var file in all.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            var directory = PathProbe.DirectoryOf(file.RelativePath);
            if (!projects.TryGetValue(directory, out var info)) projects[directory] = info = new PythonProjectInfo { Directory = directory };
            info.Read(Path.GetFileName(file.RelativePath), file.FullPath);
        }
        _workspace = new PythonWorkspace(projects.Where(p => _projectDirectories.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), _locator);
        foreach (var (directory, info) in projects.Where(p => !_projectDirectories.Contains(p.Key)))
        {
            // pytest.ini / tox.ini beside no manifest: their pythonpath belongs to the project above them.
            if (ProjectOf(directory) is { } owner && _workspace.Project(owner) is { } ownerInfo) ownerInfo.PytestPythonPath.AddRange(info.PytestPythonPath);
        }
    }

    /// <summary>Every package folder of the tree by name (from its __init__.py), to tell "exists elsewhere" from "exists nowhere".</summary>
    public void IndexPackages(IEnumerable<WorkspaceFile> pythonFiles)
    {
        foreach (var file in pythonFiles)
        {
            if (Path.GetFileName(file.RelativePath) != "__init__.py") continue;
            var folder = PathProbe.DirectoryOf(file.RelativePath);
            var name = Path.GetFileName(folder);
            // Only a top-level package (its parent is no package) could be imported under its own name; a subpackage
            // named "auth" must never excuse a missing top-level `auth`.
            if (name.Length > 0 && !_probe.FileExists(PathProbe.Join(PathProbe.DirectoryOf(folder), "__init__.py"))) _packagesByName.TryAdd(name, folder);
        }
    }

    public static bool IsProjectFile(string fileName) =>
        DeclaredDependencies.IsPythonManifest(fileName) || fileName is "pytest.ini" or "tox.ini" || DockerfileInstructions.IsDockerfile(fileName);

    public int FilesScanned { get; private set; }
    public int ImportsChecked { get; private set; }
    public int Unresolved { get; private set; }
    public int Provided { get; private set; }
    public int UnverifiedCount { get; private set; }

    public IReadOnlyList<Finding> Findings => _findings;

    public IEnumerable<DeclaredManifest> Manifests => _manifestsByDirectory.Values.SelectMany(m => m);

    /// <summary>conftest.py files change sys.path for the tests below them: verify them first.</summary>
    public static IEnumerable<WorkspaceFile> InVerificationOrder(IEnumerable<WorkspaceFile> files) =>
        files.OrderBy(f => Path.GetFileName(f.RelativePath) == "conftest.py" ? 0 : 1).ThenBy(f => f.RelativePath.Count(c => c == '/'));

    public void VerifyFile(string relativePath, string source)
    {
        FilesScanned++;
        var directory = PathProbe.DirectoryOf(relativePath);
        var project = ProjectOf(directory);
        _filesByProject[project ?? directory] = _filesByProject.GetValueOrDefault(project ?? directory) + 1;
        var context = SourceContext.Of(relativePath);
        var lines = PythonTokenizer.Tokenize(source);
        var facts = PythonFileFacts.Scan(lines);
        var probes = Probes(project ?? directory);
        probes.UnionWith(facts.ImportOrSkip);
        probes.UnionWith(facts.ProbedModules);
        var inserted = facts.PathInsertions
            .Select(e => SysPathExpression.Evaluate(e, relativePath, project ?? "", facts.Assignments))
            .OfType<string>().Where(f => _probe.DirectoryExists(f)).Distinct(StringComparer.Ordinal).ToList();
        if (Path.GetFileName(relativePath) == "conftest.py" && inserted.Count > 0) _conftestPaths[directory] = inserted;
        var roots = SearchRoots(directory, project, context, inserted);
        var scriptFolderOnly = context.IsExample && _probe.FileExists(PathProbe.Join(directory, "__init__.py"));
        var file = new PythonFileScope(relativePath, directory, project, context, facts, roots, source)
        {
            ModuleRoots = scriptFolderOnly ? roots.Where(r => r != directory).ToList() : null,
        };
        var imports = PythonImportExtractor.Extract(lines, facts);
        foreach (var import in imports)
        {
            if (MissingImportMarker.On(source, import.Line) is not null) file.MarkedOptional.Add(import.TopLevel);
        }
        foreach (var import in imports)
        {
            if (import.Module == "__future__") continue;
            if (relativePath.EndsWith("setup.py", StringComparison.Ordinal) && BuildBackends.Contains(import.TopLevel)) continue;
            ImportsChecked++;
            var outcome = Decide(file, import);
            if (outcome.Kind != PythonOutcomeKind.Resolved) Draft(file, import, outcome);
        }
    }

    /// <summary>After every file: applies project-wide availability probes, builds the findings, reports unused declarations.</summary>
    public void Finish()
    {
        foreach (var draft in _drafts)
        {
            var probed = draft.Guard is null && draft.Import.Level == 0 &&
                         PythonImportExtractor.Covers(Probes(draft.File.Project ?? draft.File.Directory), draft.Import.Module);
            if (PythonFindings.Build(draft with { Guard = draft.Guard ?? (probed ? PythonImportExtractor.GuardFindSpec : null) }) is not { } finding) continue;
            if (finding.Severity >= Severity.High) Unresolved++;
            else if (finding.RuleId == ImportFindings.PythonProvided) Provided++;
            else if (finding.RuleId == ImportFindings.PythonUnverified) UnverifiedCount++;
            _findings.Add(finding);
        }
        _drafts.Clear();
        ReportUnusedDeclarations();
    }

    private void Draft(PythonFileScope file, PythonImport import, PythonOutcome outcome)
    {
        if (outcome.Kind is PythonOutcomeKind.Fails or PythonOutcomeKind.Undeclared && !outcome.IsLocalFailure &&
            _packagesByName.TryGetValue(import.TopLevel, out var elsewhere) &&
            _locator.DottedExists(PathProbe.DirectoryOf(elsewhere), import.Module.Split('.')))
        {
            outcome = new PythonOutcome(PythonOutcomeKind.Unverified, import.TopLevel, outcome.Distribution,
                $"a package named '{import.TopLevel}' exists at {elsewhere}, outside every search root Muster knows for this file: it resolves only if something (a deployment config, PYTHONPATH, a langgraph.json) puts its parent folder on sys.path");
        }
        var guard = import.Guard ?? (file.MarkedOptional.Contains(import.TopLevel) ? "marked as possibly missing by a type-checker suppression (type: ignore[import-not-found] or alike)" : null);
        if (guard == PythonImportExtractor.GuardFallback && import.FallbackFor.Count > 0 &&
            import.FallbackFor.Any(m => Decide(file, import with { Module = m, Names = [], Guard = null }).Kind is not (PythonOutcomeKind.Resolved or PythonOutcomeKind.Provided)))
        {
            guard = null; // the primary import fails too, so this fallback runs and fails: a crash, not an option
        }
        _drafts.Add(new PythonFindingDraft(file, import, outcome, guard));
    }

    private PythonOutcome Decide(PythonFileScope file, PythonImport import)
    {
        if (import.Level > 0)
        {
            return _locator.ResolvesRelative(file.Directory, import, out var missing)
                ? PythonOutcome.Resolved
                : new PythonOutcome(PythonOutcomeKind.Fails, missing) { IsLocalFailure = true };
        }
        var local = _locator.Resolve(file.Roots, import.Module, out var shadowing);
        if (local == LocalResult.Found) return PythonOutcome.Resolved;
        if (local == LocalResult.PackageWithoutSubmodule && file.ModuleRoots is { } moduleRoots)
        {
            // Run as a module instead, the import may still come from a dependency or another project: keep looking.
            var asModule = _locator.Resolve(moduleRoots, import.Module, out var moduleShadowing);
            if (asModule == LocalResult.Found) return PythonOutcome.Resolved;
            if (asModule != LocalResult.PackageWithoutSubmodule) local = asModule;
            else shadowing = moduleShadowing;
        }
        if (local == LocalResult.PackageWithoutSubmodule)
        {
            if (AliasesSubmodules(shadowing!, import.Module))
            {
                return new PythonOutcome(PythonOutcomeKind.Unverified, import.Module,
                    Detail: $"the package assigns to sys.modules ({_locator.DeepestSource(shadowing!, import.Module)}), so '{import.Module}' may exist as an alias that only running it shows");
            }
            return new PythonOutcome(PythonOutcomeKind.Fails, import.Module) { IsLocalFailure = true };
        }
        if (PythonStandardLibrary.Contains(import.TopLevel)) return PythonOutcome.Resolved;

        var (declaredDirectories, declared, declaredNames) = Declarations(file.Project);
        // `from google.cloud import storage` comes from google-cloud-storage: the imported names extend the module.
        var candidates = import.Names.Where(n => n != "*").Select(n => import.Module + "." + n).Prepend(import.Module)
            .SelectMany(PythonDistributionNames.CandidateDistributions).Select(PythonDistributionNames.Normalize).ToList();
        var installed = file.Project is null ? new InstalledDistributions() : Venv(file.Project);
        var providers = installed.Providers(import.TopLevel);
        var match = candidates.FirstOrDefault(declaredNames.Contains) ?? providers.FirstOrDefault(declaredNames.Contains);
        if (match is not null)
        {
            foreach (var d in declaredDirectories) Used(d).Add(match);
            return PythonOutcome.Resolved;
        }

        if (SiblingProject(file, import, declaredNames) is { } sibling) return sibling;

        if (ContainerInstall(file.Directory, candidates, providers) is { } image)
        {
            return new PythonOutcome(PythonOutcomeKind.Provided, import.TopLevel, image.Name,
                $"{image.Manifest}:{image.Line} installs '{image.Name}' in the image this code runs in (no manifest of the project declares it)");
        }

        var lockfile = _locks.PythonLockFor(file.Directory);
        if (lockfile is not null && (candidates.FirstOrDefault(lockfile.Names.Contains) ?? providers.FirstOrDefault(lockfile.Names.Contains)) is { } locked)
        {
            return new PythonOutcome(PythonOutcomeKind.Provided, import.TopLevel, locked,
                $"{lockfile.Path} resolves '{locked}' (installed as a dependency of what the project declares)");
        }
        if (installed.IsInstalled(import.TopLevel))
        {
            foreach (var d in declaredDirectories) Used(d).Add("import:" + import.TopLevel);
            return new PythonOutcome(PythonOutcomeKind.InstalledOnly, import.TopLevel, providers.FirstOrDefault() ?? import.TopLevel, Relative(installed.Location));
        }
        if (local == LocalResult.NamespaceOnly)
        {
            // `import ns` of a bare namespace folder succeeds; `import ns.missing` does not.
            return import.Module.Contains('.') ? new PythonOutcome(PythonOutcomeKind.Fails, import.Module) { IsLocalFailure = true } : PythonOutcome.Resolved;
        }
        var suggestion = PythonDistributionNames.SuggestedDistribution(import.Module);
        if (suggestion is null)
        {
            if (PythonDistributionNames.PlausibleProvider(import.Module, declaredNames) is { } plausible)
            {
                return new PythonOutcome(PythonOutcomeKind.Unverified, import.TopLevel, plausible,
                    $"no local module or known distribution provides it, but the declared distribution '{plausible}' has a similar name and may well provide it");
            }
            if (lockfile is not null && PythonDistributionNames.PlausibleProvider(import.Module, lockfile.Names) is { } lockedPlausible)
            {
                return new PythonOutcome(PythonOutcomeKind.Unverified, import.TopLevel, lockedPlausible,
                    $"no local module or known distribution provides it, but {lockfile.Path} resolves '{lockedPlausible}', whose name is similar: it may well provide it");
            }
            // A name no table knows may still be declared past a manifest's entry budget: not read, so not a failure.
            if (declared.FirstOrDefault(m => m.Skipped > 0) is { } truncated)
            {
                return new PythonOutcome(PythonOutcomeKind.Unverified, import.TopLevel,
                    Detail: $"no local module or known distribution provides it, and it may be declared in {PastBudget(truncated)}, which was not read");
            }
            return new PythonOutcome(PythonOutcomeKind.Fails, import.TopLevel);
        }
        var unreadable = declared.Where(m => !m.Complete).Select(m => m.Error is null ? PastBudget(m) : m.Path).ToList();
        if (declared.Count == 0) return new PythonOutcome(PythonOutcomeKind.UndeclaredUnverified, import.TopLevel, suggestion, "no dependency manifest was found for this file");
        if (unreadable.Count > 0) return new PythonOutcome(PythonOutcomeKind.UndeclaredUnverified, import.TopLevel, suggestion, "declarations in " + string.Join(", ", unreadable) + " could not be read");
        if (PythonDistributionNames.PlausibleProvider(import.Module, declaredNames, allowVendorPrefix: true) is { } declaredAlike)
        {
            return new PythonOutcome(PythonOutcomeKind.Unverified, import.TopLevel, declaredAlike,
                $"the distribution known as '{suggestion}' is not declared, but the declared '{declaredAlike}' has a similar name and may provide '{import.TopLevel}'");
        }
        return new PythonOutcome(PythonOutcomeKind.Undeclared, import.TopLevel, suggestion,
            lockfile is null ? null : $"and {lockfile.Path} does not resolve it either");
    }

    /// <summary>
    /// The project folders whose manifests apply to a file of <paramref name="project"/>, their manifests and the
    /// normalized names they declare; built once per project, not once per import.
    /// </summary>
    private ProjectDeclarations Declarations(string? project)
    {
        if (project is null) return ProjectDeclarations.None;
        if (_declarationsByProject.TryGetValue(project, out var known)) return known;
        var directories = PathProbe.SelfAndAncestors(project).Where(_projectDirectories.Contains).ToList();
        var manifests = directories.SelectMany(d => _manifestsByDirectory[d]).ToList();
        var names = manifests.SelectMany(m => m.Dependencies).Select(d => PythonDistributionNames.Normalize(d.Name)).ToHashSet(StringComparer.Ordinal);
        return _declarationsByProject[project] = new ProjectDeclarations(directories, manifests, names);
    }

    private static string PastBudget(DeclaredManifest manifest) => $"{manifest.Path} past its {manifest.Budget:N0}-entry budget";

    private sealed record ProjectDeclarations(List<string> Directories, List<DeclaredManifest> Manifests, HashSet<string> Names)
    {
        public static readonly ProjectDeclarations None = new([], [], new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>Another project of the tree provides the module: resolved when this project depends on it, else undeclared but provided.</summary>
    private PythonOutcome? SiblingProject(PythonFileScope file, PythonImport import, HashSet<string> declaredNames)
    {
        var parts = import.Module.Split('.');
        var provider = _workspace.Providers(import.Module, file.Project).FirstOrDefault(p => _locator.DottedExists(p.Root, parts));
        if (provider.Project is null) return null;
        var sibling = provider.Project;
        var name = sibling.Name is { } n ? PythonDistributionNames.Normalize(n) : null;
        var importer = _workspace.Project(file.Project);
        if (name is not null && declaredNames.Contains(name)) return PythonOutcome.Resolved;
        if (importer is not null && importer.PathDependencies.Contains(sibling.Directory)) return PythonOutcome.Resolved;
        var workspaceRoot = _workspace.WorkspaceRootOf(sibling.Directory);
        var label = sibling.Name ?? sibling.Directory;
        if (workspaceRoot is not null && workspaceRoot.Directory == file.Project) return PythonOutcome.Resolved; // the root's environment holds every member
        var how = workspaceRoot is not null && file.Project is not null && _workspace.WorkspaceRootOf(file.Project) == workspaceRoot
            ? $"the uv workspace member '{label}' ({sibling.Directory}) provides it, and the workspace environment installs every member"
            : $"the local project '{label}' ({(sibling.Directory.Length == 0 ? "." : sibling.Directory)}) provides it once installed";
        return new PythonOutcome(PythonOutcomeKind.Provided, import.TopLevel, sibling.Name, how);
    }

    private bool AliasesSubmodules(string root, string module)
    {
        if (_locator.DeepestSource(root, module) is not { } source) return false;
        if (_aliasingSources.TryGetValue(source, out var aliases)) return aliases;
        try
        {
            aliases = PythonFileFacts.Scan(PythonTokenizer.Tokenize(File.ReadAllText(_probe.Full(source)))).RewritesSysModules;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            aliases = false;
        }
        _aliasingSources[source] = aliases;
        return aliases;
    }

    /// <summary>After every file: declared distributions no scanned file imports.</summary>
    private void ReportUnusedDeclarations()
    {
        foreach (var (directory, manifests) in _manifestsByDirectory.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!_filesByProject.ContainsKey(directory)) continue; // no Python code belongs to this project
            var used = _usedByManifest.GetValueOrDefault(directory) ?? [];
            var installed = Venv(directory);
            var reported = new HashSet<(string, string)>();
            // A manifest past its entry budget is left out: its scan error says its declarations were not checked for use.
            foreach (var manifest in manifests.Where(m => m.Complete))
            {
                foreach (var dependency in manifest.Dependencies)
                {
                    if (!reported.Add((dependency.Manifest, PythonDistributionNames.Normalize(dependency.Name)))) continue;
                    var normalized = PythonDistributionNames.Normalize(dependency.Name);
                    if (used.Contains(normalized) || CommandLineTools.IsCommandOrPlugin(normalized)) continue;
                    if (installed.ImportNamesOf(normalized).Any(name => used.Contains("import:" + name))) continue;
                    _findings.Add(ImportFindings.Create(ImportFindings.PythonUnused, Severity.Low,
                        $"Declared dependency '{dependency.Name}' is never imported",
                        $"'{dependency.Name}' ({dependency.Group}) is declared in {dependency.Manifest} but no Python file of this project imports it.",
                        new SourceLocation(dependency.Manifest, dependency.Line), normalized,
                        "Remove it from the manifest, or if it is used as a command or plugin, keep it (Muster only knows common tools; see docs/imports.md)."));
                }
            }
        }
    }

    private HashSet<string> Used(string directory)
    {
        if (!_usedByManifest.TryGetValue(directory, out var set)) _usedByManifest[directory] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    private HashSet<string> Probes(string project)
    {
        if (!_probesByProject.TryGetValue(project, out var set)) _probesByProject[project] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    private InstalledDistributions Venv(string project)
    {
        if (_venvs.TryGetValue(project, out var venv)) return venv;
        // A monorepo often keeps one virtualenv at its root for every project below it.
        venv = InstalledDistributions.Read(_probe.Full(project));
        if (venv.IsEmpty && project.Length > 0) venv = Venv(PathProbe.DirectoryOf(project));
        _venvs[project] = venv;
        return venv;
    }

    private string Relative(string? full) =>
        full is null ? "" : Path.GetRelativePath(_probe.Root, full).Replace('\\', '/');

    private DeclaredDependency? ContainerInstall(string directory, List<string> candidates, IEnumerable<string> providers)
    {
        foreach (var folder in PathProbe.SelfAndAncestors(directory))
        {
            if (!_containerInstallsByDirectory.TryGetValue(folder, out var names)) continue;
            if ((candidates.FirstOrDefault(names.ContainsKey) ?? providers.FirstOrDefault(names.ContainsKey)) is { } name) return names[name];
        }
        return null;
    }

    private static IReadOnlyList<DeclaredDependency>? ReadContainerInstalls(WorkspaceFile dockerfile)
    {
        try
        {
            return ContainerInstalls.Read(File.ReadAllText(dockerfile.FullPath), dockerfile.RelativePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // an unreadable Dockerfile declares nothing that could excuse an import
        }
    }

    private string? ProjectOf(string directory) =>
        PathProbe.SelfAndAncestors(directory).FirstOrDefault(_projectDirectories.Contains);

    /// <summary>
    /// The importing file's folder when it runs as a script (it is not inside a package; sys.path[0]), the folder
    /// holding its top-level package (how the package itself gets imported, and pytest's rootdir insertion for test
    /// files), the project root and its <c>src/</c>; for tests also pytest's <c>pythonpath</c> and the folders conftest
    /// files above it put on sys.path; and folders this file inserts itself.
    /// </summary>
    private List<string> SearchRoots(string directory, string? project, SourceContext context, List<string> inserted)
    {
        var roots = new List<string>(inserted);
        var srcRoot = project is null ? null : PathProbe.Join(project, "src");
        // Below src/, a folder without __init__.py is a namespace package: src/ itself is the sys.path entry.
        bool UnderSrc(string folder) => srcRoot is not null && folder.StartsWith(srcRoot + "/", StringComparison.Ordinal);
        var inPackage = _probe.FileExists(PathProbe.Join(directory, "__init__.py"));
        // An example is run as a script from its folder even when that folder is a package.
        if ((!inPackage || context.IsExample) && !UnderSrc(directory)) roots.Add(directory);
        var packageRoot = directory;
        while (packageRoot.Length > 0 && _probe.FileExists(PathProbe.Join(packageRoot, "__init__.py"))) packageRoot = PathProbe.DirectoryOf(packageRoot);
        // Between a project root and a package, a folder without __init__.py is a namespace package, not a sys.path
        // entry; pytest's rootdir insertion does put that folder on sys.path for tests.
        var insideProject = project is not null && packageRoot != project && (project.Length == 0 || packageRoot.StartsWith(project + "/", StringComparison.Ordinal));
        if (!UnderSrc(packageRoot) && (context.IsTest || !insideProject)) roots.Add(packageRoot);
        if (project is not null && !_probe.FileExists(PathProbe.Join(project, "__init__.py")))
        {
            // A manifest inside a package (an example's requirements.txt) does not make its folder a sys.path entry.
            roots.Add(project);
            roots.Add(srcRoot!);
        }
        if (context.IsTest)
        {
            if (_workspace.Project(project) is { } info) roots.AddRange(info.PytestPythonPath);
            foreach (var folder in PathProbe.SelfAndAncestors(directory))
            {
                if (_conftestPaths.TryGetValue(folder, out var paths)) roots.AddRange(paths);
                if (!_probe.FileExists(PathProbe.Join(folder, "conftest.py"))) continue;
                var basedir = folder;
                while (basedir.Length > 0 && _probe.FileExists(PathProbe.Join(basedir, "__init__.py"))) basedir = PathProbe.DirectoryOf(basedir);
                roots.Add(basedir);
                if (project is not null && folder == project) break;
            }
        }
        return roots.Distinct(StringComparer.Ordinal).ToList();
    }
}
