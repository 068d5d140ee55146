using Muster.Formats.Limits;
using Muster.Formats.Yaml;
using Muster.Model;
using Muster.Workspace;
using YamlDotNet.RepresentationModel;

namespace Muster.Agents.Imports.JavaScript;

/// <summary>
/// Resolves JS/TS module specifiers: Node built-ins (with or without <c>node:</c>); relative and absolute paths to
/// real files (extensions, <c>index.*</c>, a folder's package.json entry, <c>.js</c> written for a <c>.ts</c> source);
/// tsconfig/jsconfig <c>paths</c> and <c>baseUrl</c>; package.json <c>imports</c> (<c>#x</c>); packages declared in
/// the nearest package.json or any ancestor's (hoisted monorepo roots), workspace packages (npm/yarn
/// <c>workspaces</c>, pnpm-workspace.yaml) and a package's own name.
/// </summary>
internal sealed class JsImportVerifier
{
    private static readonly string[] Extensions = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".json"];
    private static readonly string[] ConfigNames = ["tsconfig.json", "jsconfig.json"];

    private readonly PathProbe _probe;
    private JsFileScope _scope = new("", "", SourceContext.Of(""), "");
    private readonly LockedPackages _locks;
    private readonly Dictionary<string, PackageJsonInfo> _packages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _workspacePackageNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _declaredByDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TsConfigPaths?> _configs = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<string, List<BundlerAliases>> _bundlerAliases = new(StringComparer.Ordinal);
    private readonly GitignoreMatcher _ignored = new();
    private static readonly HashSet<string> BuildOutputFolders = new(StringComparer.Ordinal)
    {
        "dist", "build", "out", "lib", "esm", "cjs", "es", "umd", ".output", "generated", ".source", ".next", ".nuxt", ".svelte-kit", "types-dist",
    };

    public JsImportVerifier(PathProbe probe, IEnumerable<WorkspaceFile> configFiles, List<(string, string)> errors, LockedPackages locks)
    {
        _probe = probe;
        _locks = locks;
        var pnpmWorkspaces = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in configFiles)
        {
            var directory = PathProbe.DirectoryOf(file.RelativePath);
            var name = Path.GetFileName(file.RelativePath);
            if (name == "package.json") _packages[directory] = PackageJsonInfo.Read(file.FullPath, file.RelativePath);
            else if (name == ".gitignore") ReadGitignore(file, directory, errors);
            else if (BundlerAliases.IsConfigFile(name)) ReadBundlerConfig(file, directory, errors);
            else if (ReadPnpmWorkspace(file, errors) is { } patterns) pnpmWorkspaces[directory] = patterns;
        }
        foreach (var (rootDirectory, info) in _packages)
        {
            var patterns = info.Workspaces.Concat(pnpmWorkspaces.GetValueOrDefault(rootDirectory) ?? []).ToList();
            if (patterns.Count == 0) continue;
            foreach (var member in _packages.Values)
            {
                if (member.Name is null || member.Directory == rootDirectory) continue;
                var prefix = rootDirectory.Length == 0 ? "" : rootDirectory + "/";
                if (!member.Directory.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (WorkspaceGlob.IsMember(member.Directory[prefix.Length..], patterns)) _workspacePackageNames.Add(member.Name);
            }
        }
    }

    public int FilesScanned { get; private set; }
    public int ImportsChecked { get; private set; }
    public int Unresolved { get; private set; }
    public int Provided { get; private set; }
    public int UnverifiedCount { get; private set; }
    public IReadOnlyList<Finding> Findings => _findings;
    public IEnumerable<DeclaredManifest> Manifests => _packages.Values.Select(p => p.Declared);

    public void VerifyFile(string relativePath, string source)
    {
        FilesScanned++;
        var directory = PathProbe.DirectoryOf(relativePath);
        var declarationFile = relativePath.EndsWith(".d.ts", StringComparison.Ordinal) || relativePath.EndsWith(".d.mts", StringComparison.Ordinal) ||
                              relativePath.EndsWith(".d.cts", StringComparison.Ordinal);
        var scope = new JsFileScope(relativePath, directory, SourceContext.Of(relativePath), source);
        foreach (var import in JsImportExtractor.Extract(source))
        {
            ImportsChecked++;
            Verify(scope, declarationFile ? import with { TypeOnly = true } : import);
        }
    }

    private void Verify(JsFileScope scope, JsImport import)
    {
        var (file, directory, _, _) = scope;
        _scope = scope;
        var specifier = import.Specifier;
        var location = new SourceLocation(file, import.Line, import.Column);
        if (specifier.Length == 0 || specifier.Contains("://", StringComparison.Ordinal) || specifier.StartsWith("data:", StringComparison.Ordinal) ||
            specifier.StartsWith("virtual:", StringComparison.Ordinal))
        {
            return; // URLs and bundler-virtual modules are outside what a file system can verify
        }
        var bare = specifier.Split('?')[0];
        if (NodeBuiltins.IsBuiltin(bare)) return;
        if (bare.StartsWith("@vite/", StringComparison.Ordinal) || bare.StartsWith("/@vite/", StringComparison.Ordinal) || bare.StartsWith("/@id/", StringComparison.Ordinal))
        {
            Report(import, location, ImportFindings.JsUnverifiedAlias, Severity.Info, $"'{specifier}' is a Vite virtual module",
                $"'{specifier}' is served by the Vite dev server, not a file or package: not verified.", null);
            return;
        }
        if (bare.StartsWith("node:", StringComparison.Ordinal))
        {
            Report(import, location, ImportFindings.JsUnresolved, Severity.High, $"'{specifier}' is not a Node.js built-in module",
                $"'{specifier}' names no Node.js core module: it will fail with ERR_UNKNOWN_BUILTIN_MODULE.", "Fix the module name.");
            return;
        }
        if (bare.StartsWith("./", StringComparison.Ordinal) || bare.StartsWith("../", StringComparison.Ordinal) || bare is "." or "..")
        {
            var target = PathProbe.Normalize(PathProbe.Join(directory, bare));
            if (target is null || !(ResolvesToFile(target) || BrowserMapped(directory, target))) ReportMissingFile(import, location, target);
            return;
        }
        if (bare.StartsWith('/'))
        {
            var packageRoot = NearestPackage(directory)?.Directory ?? "";
            var target = PathProbe.Normalize(PathProbe.Join(packageRoot, bare.TrimStart('/')));
            // Vite and most dev servers serve the package's public/ folder at the site root.
            var inPublic = PathProbe.Normalize(PathProbe.Join(PathProbe.Join(packageRoot, "public"), bare.TrimStart('/')));
            if (target is null || !(ResolvesToFile(target) || (inPublic is not null && _probe.FileExists(inPublic)))) ReportMissingFile(import, location, target);
            return;
        }

        var config = NearestConfig(directory);
        if (config?.Map(bare) is { } candidates && !candidates.Any(c => c.Split('/').Contains("node_modules")))
        {
            if (candidates.Any(ResolvesToFile)) return;
            if (candidates.Any(IsBuildOutput))
            {
                Report(import, location, ImportFindings.JsAfterBuild, Severity.Info, $"Path alias '{specifier}' resolves after a build",
                    $"'{specifier}' maps to {string.Join(", ", candidates)}, which is generated (build output or git-ignored) and absent from this tree: not verified.", null);
                return;
            }
            Report(import, location, ImportFindings.JsUnresolved, Severity.High, $"Path alias '{specifier}' points at nothing",
                $"'{specifier}' matches a tsconfig 'paths' alias, but none of its targets exist ({string.Join(", ", candidates)}): it will fail with Cannot find module.",
                "Fix the alias target or the import.");
            return;
        }
        if (config?.BaseUrl is { } baseUrl && ResolvesToFile(PathProbe.Join(baseUrl, bare))) return;

        if (bare.StartsWith('#'))
        {
            if (Ancestors(directory).Any(p => p.ImportKeys.Any(key => KeyMatches(key, bare)))) return;
            if (BundlerAliasFor(directory, bare) is { } hashAlias)
            {
                Report(import, location, ImportFindings.JsUnverifiedAlias, Severity.Info, $"Alias '{specifier}' is defined by {Path.GetFileName(hashAlias.ConfigPath)}",
                    $"'{specifier}' is an alias that {hashAlias.ConfigPath} defines: the bundler resolves it, and its target was not verified.", null);
                return;
            }
            Report(import, location, ImportFindings.JsUnresolved, Severity.High, $"Subpath import '{specifier}' is not defined",
                $"No package.json 'imports' field above this file defines '{specifier}': it will fail with ERR_PACKAGE_IMPORT_NOT_DEFINED.",
                "Add it to the package's 'imports' field.");
            return;
        }

        var name = PackageName(bare);
        var ancestors = Ancestors(directory).ToList();
        if (ancestors.Any(p => p.Name == name) || _workspacePackageNames.Contains(name)) return;
        var declared = DeclaredAbove(directory, ancestors);
        if (declared.Contains(name)) return;
        if (import.TypeOnly && declared.Contains(TypesPackage(name))) return;
        if (ancestors.Any(p => p.BrowserKeys.Contains(bare) || p.BrowserKeys.Contains(name))) return;
        if (BundlerAliasFor(directory, bare) is { } bundler)
        {
            Report(import, location, ImportFindings.JsUnverifiedAlias, Severity.Info, $"Alias '{specifier}' is defined by {Path.GetFileName(bundler.ConfigPath)}",
                $"'{specifier}' is an alias or virtual module that {bundler.ConfigPath} defines: the bundler resolves it, and its target was not verified.", null);
            return;
        }
        if (_locks.NpmLockFor(directory) is { } lockfile && lockfile.Names.Contains(name))
        {
            if (lockfile.Hoisted && !import.TypeOnly)
            {
                Report(import, location, ImportFindings.JsProvided, Severity.Low, $"Package '{name}' is not declared, but installed transitively",
                    $"'{specifier}' resolves: {lockfile.Path} installs '{name}' as a dependency of a declared package, and the installer hoists it into node_modules. This package.json does not declare it, so it breaks when that dependency drops it.",
                    $"Add '{name}' to the dependencies of the nearest package.json.");
                return;
            }
        }

        if (IsUnconfiguredAlias(bare))
        {
            Report(import, location, ImportFindings.JsUnverifiedAlias, Severity.Medium, $"Alias '{specifier}' could not be verified",
                $"'{specifier}' looks like a bundler path alias, but no tsconfig/jsconfig 'paths' entry defines it and Muster does not read bundler configs: unverified.",
                "Define the alias in tsconfig.json 'paths' so every tool agrees on it.");
            return;
        }
        var unreadable = ancestors.Where(p => !p.Declared.Complete)
            .Select(p => p.Declared.Error is null ? $"{p.Declared.Path} past its {p.Declared.Budget:N0}-entry budget" : p.Declared.Path).ToList();
        var installed = Ancestors(directory).Any(p => _probe.DirectoryExists(PathProbe.Join(PathProbe.Join(p.Directory, "node_modules"), name)));
        if (import.TypeOnly)
        {
            Report(import, location, ImportFindings.JsTypeOnly, Severity.Medium, $"Type-only import of undeclared package '{name}'",
                $"'{specifier}' is imported for types only (erased at runtime) but neither '{name}' nor '{TypesPackage(name)}' is declared: type-checking fails on a clean install.",
                $"Add '{name}' or '{TypesPackage(name)}' to devDependencies.");
            return;
        }
        var pnpmNote = _locks.NpmLockFor(directory) is { Hoisted: false } strict && strict.Names.Contains(name)
            ? $" ({strict.Path} has it only as another package's dependency, and pnpm does not hoist it where this file can reach it)"
            : "";
        var why = ancestors.Count == 0 ? "no package.json was found above this file"
            : unreadable.Count > 0 ? "declarations in " + string.Join(", ", unreadable) + " could not be read"
            : installed ? "it is present in node_modules, so it works here but not on a clean install" : null;
        Report(import, location, ImportFindings.JsUndeclared, why is null ? Severity.High : Severity.Medium,
            $"Package '{name}' is not declared",
            why is null
                ? $"'{specifier}' needs the package '{name}', which no package.json above this file declares (dependencies, devDependencies, peerDependencies, optionalDependencies) and which is not a workspace package{pnpmNote}: it will fail at runtime with Error: Cannot find module '{specifier}'."
                : $"'{specifier}' needs the package '{name}', which could not be verified as declared ({why}).",
            $"Add '{name}' to the dependencies of the nearest package.json.");
    }

    private void ReportMissingFile(JsImport import, SourceLocation location, string? target)
    {
        if (target is not null && IsBuildOutput(target))
        {
            Report(import, location, ImportFindings.JsAfterBuild, Severity.Info, $"Import '{import.Specifier}' resolves after a build",
                $"'{import.Specifier}' points into build output ({target}: a dist/lib/build folder or a git-ignored path) that a build creates: not verified until built.",
                null);
            return;
        }
        Report(import, location, ImportFindings.JsUnresolved, import.TypeOnly ? Severity.Medium : Severity.High,
            $"Import '{import.Specifier}' points at no file",
            target is null
                ? $"'{import.Specifier}' leaves the audited root: Muster cannot verify it."
                : $"'{import.Specifier}' resolves to no file ({target} with {string.Join(", ", Extensions)}, or an index file): it will fail with Cannot find module '{import.Specifier}'.",
            "Fix the path, or create the missing file.");
    }

    private void Report(JsImport import, SourceLocation location, string rule, Severity severity, string title, string message, string? remediation)
    {
        var context = _scope.Context;
        if (severity >= Severity.Medium && rule is ImportFindings.JsUnresolved or ImportFindings.JsUndeclared or ImportFindings.JsTypeOnly)
        {
            if (context.IsFixture)
            {
                (rule, severity, title) = (ImportFindings.JsUnverified, Severity.Info, $"Import '{import.Specifier}' could not be verified");
                message = $"'{import.Specifier}' does not resolve, but {_scope.Path} is a test fixture (by its folder or name), which is often broken on purpose: not verified.";
                remediation = null;
            }
            else if (context.IsExample && rule == ImportFindings.JsUndeclared)
            {
                var name = PackageName(import.Specifier.Split('?')[0]);
                var documented = InstallHint.Mentions(_scope.Source, [name]);
                (rule, severity, title) = (ImportFindings.JsExampleNeeds, documented ? Severity.Low : Severity.Medium, $"Example needs '{name}' installed");
                message = documented
                    ? $"'{import.Specifier}' is not declared for {_scope.Path}, an example or documentation file, which itself says to install '{name}' first."
                    : $"'{import.Specifier}' needs '{name}', which no package.json above this example or documentation file declares: running it fails with Cannot find module until '{name}' is installed.";
            }
        }
        if (severity >= Severity.High) Unresolved++;
        else if (rule == ImportFindings.JsProvided) Provided++;
        else if (rule is ImportFindings.JsUnverified or ImportFindings.JsAfterBuild or ImportFindings.JsUnverifiedAlias && severity == Severity.Info) UnverifiedCount++;
        _findings.Add(ImportFindings.Create(rule, severity, title, message, location, import.Specifier, remediation,
            new Dictionary<string, string> { ["specifier"] = import.Specifier, ["kind"] = import.Kind, ["type_only"] = import.TypeOnly ? "true" : "false" }));
    }

    private bool ResolvesToFile(string path)
    {
        if (_probe.FileExists(path)) return true;
        foreach (var extension in Extensions) if (_probe.FileExists(path + extension)) return true;
        var dot = path.LastIndexOf('.');
        if (dot > path.LastIndexOf('/'))
        {
            var stem = path[..dot];
            var swapped = path[dot..] switch
            {
                ".js" => new[] { ".ts", ".tsx", ".d.ts" },
                ".jsx" => [".tsx"],
                ".mjs" => [".mts", ".d.mts"],
                ".cjs" => [".cts", ".d.cts"],
                _ => [],
            };
            if (swapped.Any(e => _probe.FileExists(stem + e))) return true;
        }
        if (!_probe.DirectoryExists(path)) return false;
        if (_packages.TryGetValue(path, out var package) &&
            package.EntryPoints.Select(e => PathProbe.Normalize(PathProbe.Join(path, e))).OfType<string>().Any(e => _probe.FileExists(e) || Extensions.Any(x => _probe.FileExists(e + x))))
        {
            return true;
        }
        return Extensions.Any(e => _probe.FileExists(PathProbe.Join(path, "index" + e)));
    }

    private PackageJsonInfo? NearestPackage(string directory) => Ancestors(directory).FirstOrDefault();

    /// <summary>A package.json <c>browser</c> map of the nearest package that names the target file ("./no-ext" for no-ext.js).</summary>
    private bool BrowserMapped(string directory, string target)
    {
        if (NearestPackage(directory) is not { BrowserKeys.Count: > 0 } package) return false;
        var prefix = package.Directory.Length == 0 ? "" : package.Directory + "/";
        if (!target.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var key = "./" + target[prefix.Length..];
        return package.BrowserKeys.Contains(key) || Extensions.Any(e => package.BrowserKeys.Contains(key + e));
    }

    /// <summary>Inside a folder a build writes (dist/, lib/, build/...) or ignored by git, which is where generated code lives.</summary>
    private bool IsBuildOutput(string target)
    {
        var parts = target.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!BuildOutputFolders.Contains(parts[i])) continue;
            var folder = string.Join('/', parts[..(i + 1)]);
            // lib/ is source in many packages: only a folder the tree lacks (or git ignores) is build output.
            if (!_probe.DirectoryExists(folder) || _ignored.IsIgnored(folder, isDirectory: true)) return true;
        }
        return _ignored.IsIgnored(target) || _ignored.IsIgnored(PathProbe.DirectoryOf(target), isDirectory: true);
    }

    private BundlerAliases? BundlerAliasFor(string directory, string specifier)
    {
        foreach (var folder in PathProbe.SelfAndAncestors(directory))
        {
            if (!_bundlerAliases.TryGetValue(folder, out var configs)) continue;
            if (configs.FirstOrDefault(c => c.Defines(specifier)) is { } match) return match;
        }
        return null;
    }

    private void ReadBundlerConfig(WorkspaceFile file, string directory, List<(string, string)> errors)
    {
        try
        {
            if (!_bundlerAliases.TryGetValue(directory, out var list)) _bundlerAliases[directory] = list = [];
            list.Add(BundlerAliases.Read(file.RelativePath, File.ReadAllText(file.FullPath)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add((file.RelativePath, e.Message));
        }
    }

    private void ReadGitignore(WorkspaceFile file, string directory, List<(string, string)> errors)
    {
        try
        {
            _ignored.Add(directory, File.ReadAllText(file.FullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add((file.RelativePath, e.Message));
        }
    }

    /// <summary>The names every package.json above <paramref name="directory"/> declares; built once per folder, not once per import.</summary>
    private HashSet<string> DeclaredAbove(string directory, List<PackageJsonInfo> ancestors)
    {
        if (_declaredByDirectory.TryGetValue(directory, out var known)) return known;
        return _declaredByDirectory[directory] = ancestors.SelectMany(p => p.Declared.Dependencies).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
    }

    private IEnumerable<PackageJsonInfo> Ancestors(string directory)
    {
        foreach (var d in PathProbe.SelfAndAncestors(directory))
        {
            if (_packages.TryGetValue(d, out var info)) yield return info;
        }
    }

    private TsConfigPaths? NearestConfig(string directory)
    {
        if (_configs.TryGetValue(directory, out var cached)) return cached;
        TsConfigPaths? config = null;
        foreach (var name in ConfigNames)
        {
            var path = PathProbe.Join(directory, name);
            if (_probe.FileExists(path)) { config = TsConfigPaths.Load(_probe, path); break; }
        }
        if (config is null && directory.Length > 0) config = NearestConfig(PathProbe.DirectoryOf(directory));
        _configs[directory] = config;
        return config;
    }

    public static string PackageName(string specifier)
    {
        var parts = specifier.Split('/');
        return specifier.StartsWith('@') && parts.Length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    private static string TypesPackage(string name) =>
        name.StartsWith('@') ? "@types/" + name[1..].Replace('/', '_').Replace("_", "__", StringComparison.Ordinal) : "@types/" + name;

    private static bool IsUnconfiguredAlias(string specifier) =>
        specifier.StartsWith("@/", StringComparison.Ordinal) || specifier.StartsWith('~') || specifier.StartsWith('$') ||
        specifier.StartsWith("#/", StringComparison.Ordinal);

    private static bool KeyMatches(string key, string specifier)
    {
        var star = key.IndexOf('*');
        if (star < 0) return key == specifier;
        return specifier.StartsWith(key[..star], StringComparison.Ordinal) && specifier.EndsWith(key[(star + 1)..], StringComparison.Ordinal);
    }

    private static List<string>? ReadPnpmWorkspace(WorkspaceFile file, List<(string, string)> errors)
    {
        try
        {
            var yaml = BoundedYaml.Load(BoundedRead.Text(file.FullPath, InputLimits.YamlMaxChars));
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode map) return [];
            if (!map.Children.TryGetValue(new YamlScalarNode("packages"), out var node) || node is not YamlSequenceNode list) return [];
            return list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            errors.Add((file.RelativePath, "pnpm-workspace.yaml could not be read: " +
                (e is YamlDotNet.Core.YamlException y ? BoundedYaml.Describe(y) : e.Message)));
            return null;
        }
    }
}
