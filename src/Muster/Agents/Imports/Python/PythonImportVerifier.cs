using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Resolves every Python import the way the interpreter would find it, without running anything: relative imports
/// against the package tree, then local modules (the importing file's folder, its project root and the project's
/// <c>src/</c>; namespace packages included), then the standard library, then the project's declared distributions
/// (through <see cref="PythonDistributionNames"/>) and finally a local virtualenv's installed metadata.
/// </summary>
internal sealed class PythonImportVerifier
{
    /// <summary>setup.py runs inside the build environment, which provides these; they are not runtime dependencies.</summary>
    private static readonly HashSet<string> BuildBackends = new(StringComparer.Ordinal) { "setuptools", "pkg_resources", "wheel", "Cython", "distutils" };

    private readonly PathProbe _probe;
    private readonly IReadOnlySet<string> _projectDirectories;
    private readonly Dictionary<string, IReadOnlyList<DeclaredManifest>> _manifestsByDirectory;
    private readonly Dictionary<string, InstalledDistributions> _venvs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _usedByManifest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _filesByProject = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];

    public PythonImportVerifier(PathProbe probe, IEnumerable<WorkspaceFile> manifests)
    {
        _probe = probe;
        _manifestsByDirectory = manifests
            .GroupBy(m => PathProbe.DirectoryOf(m.RelativePath), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DeclaredManifest>)g
                .OrderBy(m => m.RelativePath, StringComparer.Ordinal)
                .Select(m => DeclaredDependencies.ReadPython(m.FullPath, m.RelativePath)).ToList(), StringComparer.Ordinal);
        _projectDirectories = _manifestsByDirectory.Keys.ToHashSet(StringComparer.Ordinal);
    }

    public int FilesScanned { get; private set; }
    public int ImportsChecked { get; private set; }
    public int Unresolved { get; private set; }

    public IReadOnlyList<Finding> Findings => _findings;

    public IEnumerable<DeclaredManifest> Manifests => _manifestsByDirectory.Values.SelectMany(m => m);

    public void VerifyFile(string relativePath, string source)
    {
        FilesScanned++;
        var directory = PathProbe.DirectoryOf(relativePath);
        var project = ProjectOf(directory);
        _filesByProject[project ?? directory] = _filesByProject.GetValueOrDefault(project ?? directory) + 1;
        foreach (var import in PythonImportExtractor.Extract(source))
        {
            if (import.Module == "__future__") continue;
            if (relativePath.EndsWith("setup.py", StringComparison.Ordinal) && BuildBackends.Contains(import.TopLevel)) continue;
            ImportsChecked++;
            Verify(relativePath, directory, project, import);
        }
    }

    /// <summary>After every file: declared distributions no scanned file imports.</summary>
    public void ReportUnusedDeclarations()
    {
        foreach (var (directory, manifests) in _manifestsByDirectory.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!_filesByProject.ContainsKey(directory)) continue; // no Python code belongs to this project
            var used = _usedByManifest.GetValueOrDefault(directory) ?? [];
            var installed = Venv(directory);
            var reported = new HashSet<(string, string)>();
            foreach (var manifest in manifests.Where(m => m.Error is null))
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

    private void Verify(string file, string directory, string? project, PythonImport import)
    {
        var location = new SourceLocation(file, import.Line, import.Column);
        if (import.Level > 0)
        {
            if (!ResolvesRelative(directory, import, out var missing)) Report(import, location, ImportFindings.PythonUnresolved, missing, null);
            return;
        }
        var roots = SearchRoots(directory, project);
        var local = ResolveLocal(roots, import.Module);
        if (local == LocalResult.Found) return;
        if (local == LocalResult.PackageWithoutSubmodule)
        {
            Report(import, location, ImportFindings.PythonUnresolved, import.Module, null);
            return;
        }
        if (PythonStandardLibrary.Contains(import.TopLevel)) return;

        var declaredDirectories = project is null ? [] : PathProbe.SelfAndAncestors(project).Where(_projectDirectories.Contains).ToList();
        var declared = declaredDirectories.SelectMany(d => _manifestsByDirectory[d]).ToList();
        var declaredNames = declared.SelectMany(m => m.Dependencies).Select(d => PythonDistributionNames.Normalize(d.Name)).ToHashSet(StringComparer.Ordinal);
        // `from google.cloud import storage` comes from google-cloud-storage: the imported names extend the module.
        var candidates = import.Names.Where(n => n != "*").Select(n => import.Module + "." + n).Prepend(import.Module)
            .SelectMany(PythonDistributionNames.CandidateDistributions).Select(PythonDistributionNames.Normalize).ToList();
        var installed = project is null ? new InstalledDistributions() : Venv(project);
        var providers = installed.Providers(import.TopLevel);
        var match = candidates.FirstOrDefault(declaredNames.Contains) ?? providers.FirstOrDefault(declaredNames.Contains);
        if (match is not null)
        {
            foreach (var d in declaredDirectories) Used(d).Add(match);
            return;
        }
        if (installed.IsInstalled(import.TopLevel))
        {
            foreach (var d in declaredDirectories) Used(d).Add("import:" + import.TopLevel);
            if (import.Guard is not null) return;
            var distribution = providers.FirstOrDefault() ?? import.TopLevel;
            _findings.Add(ImportFindings.Create(ImportFindings.PythonInstalledOnly, Severity.Medium,
                $"'{import.Module}' works only because the local virtualenv has it",
                $"'{import.Module}' is installed in {Relative(installed.Location)} (distribution '{distribution}') but no manifest of this project declares it; a fresh install will fail with ModuleNotFoundError: No module named '{import.TopLevel}'.",
                location, import.Module, $"Declare '{distribution}' in the project's requirements."));
            return;
        }
        if (local == LocalResult.NamespaceOnly)
        {
            // `import ns` of a bare namespace folder succeeds; `import ns.missing` does not.
            if (import.Module.Contains('.')) Report(import, location, ImportFindings.PythonUnresolved, import.Module, null);
            return;
        }
        var suggestion = PythonDistributionNames.SuggestedDistribution(import.Module);
        if (suggestion is null)
        {
            Report(import, location, ImportFindings.PythonUnresolved, import.TopLevel, null);
            return;
        }
        var unreadable = declared.Where(m => m.Error is not null).Select(m => m.Path).ToList();
        var noManifest = declared.Count == 0;
        Report(import, location, ImportFindings.PythonUndeclared, import.TopLevel, suggestion,
            unverified: noManifest || unreadable.Count > 0,
            why: noManifest ? "no dependency manifest was found for this file" : unreadable.Count > 0 ? "declarations in " + string.Join(", ", unreadable) + " could not be read" : null);
    }

    private void Report(PythonImport import, SourceLocation location, string rule, string missing, string? distribution, bool unverified = false, string? why = null)
    {
        var failure = $"ModuleNotFoundError: No module named '{missing}'";
        var properties = new Dictionary<string, string> { ["module"] = import.Display };
        if (distribution is not null) properties["distribution"] = distribution;
        if (import.Guard is not null)
        {
            properties["guard"] = import.Guard;
            _findings.Add(ImportFindings.Create(ImportFindings.PythonGuarded, Severity.Info,
                $"Optional import '{import.Display}' is not available",
                $"'{import.Display}' does not resolve, but the import is guarded ({import.Guard}), so the fallback runs instead of a crash.",
                location, import.Display, null, properties));
            return;
        }
        Unresolved++;
        if (rule == ImportFindings.PythonUndeclared)
        {
            _findings.Add(ImportFindings.Create(rule, unverified ? Severity.Medium : Severity.High,
                $"Undeclared third-party import '{import.Module}'",
                unverified
                    ? $"'{import.Module}' comes from the distribution '{distribution}', which could not be checked against the declarations ({why}); unless installed by hand it will fail at runtime with {failure}."
                    : $"'{import.Module}' comes from the distribution '{distribution}', which no manifest of this project declares: it will fail at runtime with {failure}.",
                location, import.Module, $"Add '{distribution}' to the project's requirements (or pyproject dependencies).", properties));
            return;
        }
        _findings.Add(ImportFindings.Create(rule, Severity.High,
            $"Import '{import.Display}' resolves nowhere",
            $"'{import.Display}' is not a local module, not in the standard library and not provided by any declared dependency: it will fail at runtime with {failure}.",
            location, import.Display,
            "Create the module (or fix the import path), or declare the distribution that provides it.", properties));
    }

    private HashSet<string> Used(string directory)
    {
        if (!_usedByManifest.TryGetValue(directory, out var set)) _usedByManifest[directory] = set = new HashSet<string>(StringComparer.Ordinal);
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

    private string? ProjectOf(string directory) =>
        PathProbe.SelfAndAncestors(directory).FirstOrDefault(_projectDirectories.Contains);

    /// <summary>
    /// The importing file's folder (sys.path[0] for a script), the folder holding its top-level package (how the
    /// package itself gets imported), the project root and the project's <c>src/</c>.
    /// </summary>
    private List<string> SearchRoots(string directory, string? project)
    {
        var roots = new List<string> { directory };
        var packageRoot = directory;
        while (packageRoot.Length > 0 && _probe.FileExists(PathProbe.Join(packageRoot, "__init__.py"))) packageRoot = PathProbe.DirectoryOf(packageRoot);
        roots.Add(packageRoot);
        if (project is not null)
        {
            roots.Add(project);
            roots.Add(PathProbe.Join(project, "src"));
        }
        return roots.Distinct(StringComparer.Ordinal).ToList();
    }

    private enum LocalResult { Missing, Found, PackageWithoutSubmodule, NamespaceOnly }

    /// <summary>
    /// A regular package or module shadows everything later on sys.path, so a missing submodule of one is final. A
    /// folder without <c>__init__.py</c> is only a namespace portion: the interpreter keeps searching, so a later
    /// match (stdlib, an installed distribution) still wins.
    /// </summary>
    private LocalResult ResolveLocal(IEnumerable<string> roots, string module)
    {
        var parts = module.Split('.');
        var regularTop = false;
        var namespaceTop = false;
        foreach (var root in roots)
        {
            if (!ModuleExists(root, parts[0])) continue;
            if (DottedExists(root, parts)) return LocalResult.Found;
            var top = PathProbe.Join(root, parts[0]);
            if (_probe.DirectoryExists(top) && !_probe.FileExists(PathProbe.Join(top, "__init__.py"))) namespaceTop = true;
            else regularTop = true;
        }
        return regularTop ? LocalResult.PackageWithoutSubmodule : namespaceTop ? LocalResult.NamespaceOnly : LocalResult.Missing;
    }

    private bool DottedExists(string root, string[] parts)
    {
        var path = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            path = PathProbe.Join(path, parts[i]);
            if (!_probe.DirectoryExists(path)) return false;
        }
        return ModuleExists(path, parts[^1]);
    }

    /// <summary>A module file, a package or namespace-package folder, or a compiled extension named <paramref name="name"/>.</summary>
    private bool ModuleExists(string directory, string name)
    {
        var path = PathProbe.Join(directory, name);
        if (_probe.FileExists(path + ".py") || _probe.DirectoryExists(path)) return true;
        var prefix = name + ".";
        return _probe.FilesIn(directory).Any(f => f.StartsWith(prefix, StringComparison.Ordinal) &&
            (f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith(".pyd", StringComparison.Ordinal)));
    }

    private bool ResolvesRelative(string directory, PythonImport import, out string missing)
    {
        var baseDirectory = directory;
        for (var i = 1; i < import.Level; i++)
        {
            if (baseDirectory.Length == 0)
            {
                missing = import.Display;
                return false; // climbs above the audited root: beyond the top-level package
            }
            baseDirectory = PathProbe.DirectoryOf(baseDirectory);
        }
        missing = import.Display;
        if (import.Module.Length > 0) return DottedExists(baseDirectory, import.Module.Split('.'));
        if (_probe.FileExists(PathProbe.Join(baseDirectory, "__init__.py"))) return true; // names may be defined by the package itself
        foreach (var name in import.Names)
        {
            if (name == "*" || ModuleExists(baseDirectory, name)) continue;
            missing = new string('.', import.Level) + name;
            return false;
        }
        return true;
    }
}
