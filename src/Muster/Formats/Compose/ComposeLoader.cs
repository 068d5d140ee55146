using System.Collections;
using System.Text;
using Muster.Workspace;

namespace Muster.Formats.Compose;

/// <summary>
/// Loads compose files as <c>docker compose -f a -f b config</c> would see them: each file is parsed, interpolated from
/// the environment and the <c>.env</c> beside the first file, its <c>extends</c> and <c>include</c> resolved, then the
/// files are merged in order. Never throws for bad input: problems are <see cref="ComposeProject.Diagnostics"/>.
/// </summary>
public static class ComposeLoader
{
    private const int MaxIncludeDepth = 16;

    /// <summary>The diagnostic code of a reference that leaves <see cref="ComposeLoadOptions.ConfineTo"/>; it was not read.</summary>
    public const string OutsideCode = "reference-outside";

    public static ComposeProject Load(IReadOnlyList<string> files, ComposeLoadOptions? options = null)
    {
        options ??= new ComposeLoadOptions();
        var fullFiles = files.Select(Path.GetFullPath).ToList();
        var session = new Session(options, fullFiles.Count > 0 ? Path.GetDirectoryName(fullFiles[0])! : Directory.GetCurrentDirectory());
        session.Named.UnionWith(fullFiles);
        ComposeMapping? merged = null;
        foreach (var file in fullFiles)
        {
            var tree = session.LoadFile(file, includeDepth: 0);
            if (tree is null) continue;
            merged = merged is null ? tree : (ComposeMapping)ComposeMerger.Merge(merged, tree, "");
        }
        var services = new List<ComposeService>();
        if (merged?["services"] is ComposeMapping serviceMap)
        {
            foreach (var entry in serviceMap.Entries)
            {
                if (entry.Value is ComposeMapping body)
                {
                    services.Add(ComposeServiceBinder.Bind(entry.Key, entry.KeyPosition, body, session.Diagnostics));
                }
                else if (entry.Value is not ComposeScalar { IsNull: true })
                {
                    session.Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "service-invalid",
                        $"service '{entry.Key}' must be a mapping", "indent the service's keys under its name", entry.Value.Position));
                }
                else
                {
                    services.Add(ComposeServiceBinder.Bind(entry.Key, entry.KeyPosition, new ComposeMapping(entry.KeyPosition, []), session.Diagnostics));
                }
            }
        }
        return new ComposeProject
        {
            Name = ProjectName(options, merged, session),
            Files = fullFiles.Select(session.Display).ToList(),
            Services = services,
            Networks = Names(merged?["networks"]),
            Volumes = Names(merged?["volumes"]),
            Secrets = Names(merged?["secrets"]),
            Diagnostics = session.Diagnostics.Distinct().ToList(),
        };
    }

    private static IReadOnlyList<string> Names(ComposeNode? node) => node is ComposeMapping m ? m.Entries.Select(e => e.Key).ToList() : [];

    private static string ProjectName(ComposeLoadOptions options, ComposeMapping? merged, Session session)
    {
        var name = options.ProjectName
                   ?? (merged?["name"] as ComposeScalar)?.Value
                   ?? session.Lookup("COMPOSE_PROJECT_NAME")
                   ?? Path.GetFileName(session.ProjectDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-') builder.Append(c);
        }
        return builder.ToString();
    }

    private sealed class Session
    {
        private readonly ComposeLoadOptions _options;
        private readonly Dictionary<string, string> _dotEnv = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<string, string> _environment;

        public Session(ComposeLoadOptions options, string projectDirectory)
        {
            _options = options;
            ProjectDirectory = projectDirectory;
            _environment = options.Environment ?? ProcessEnvironment();
            var envFile = options.EnvFile ?? Confine(projectDirectory, ".env", "the compose project's .env is", new ComposePosition(Display(Path.Combine(projectDirectory, ".env")), 1, 1));
            if (envFile is not null && File.Exists(envFile))
            {
                try
                {
                    foreach (var (key, value, _) in DotEnvReader.Parse(File.ReadAllText(envFile))) _dotEnv[key] = value;
                }
                catch (IOException e)
                {
                    Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Warning, "env-file-unreadable", $".env could not be read: {e.Message}",
                        "make the .env file readable", new ComposePosition(Display(envFile), 1, 1)));
                }
            }
        }

        public string ProjectDirectory { get; }

        /// <summary>The files the caller asked for: named by the plan or the caller, so read even under confinement.</summary>
        public HashSet<string> Named { get; } = new(StringComparer.Ordinal);
        public List<ComposeDiagnostic> Diagnostics { get; } = [];

        public string? Lookup(string name) => _environment.TryGetValue(name, out var v) ? v : _dotEnv.GetValueOrDefault(name);

        /// <summary>
        /// The full path <paramref name="written"/> names from <paramref name="baseDirectory"/>, or null (with a
        /// <c>reference-outside</c> warning) when confinement is on and it leaves the root.
        /// </summary>
        public string? Confine(string baseDirectory, string written, string what, ComposePosition at)
        {
            if (_options.ConfineTo is not { } root) return Path.GetFullPath(Path.Combine(baseDirectory, written));
            var reference = WorkspaceReference.Resolve(root, baseDirectory, written);
            if (!reference.Outside) return reference.FullPath;
            Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Warning, OutsideCode,
                $"{what} a file outside the workspace: {written} ({reference.Refusal}); it was not read",
                "keep the referenced file inside the audited folder, or audit the folder that holds both", at));
            return null;
        }

        public string Display(string fullPath) => _options.DisplayRoot is { } root
            ? Path.GetRelativePath(root, fullPath).Replace('\\', '/')
            : fullPath;

        /// <summary>Reads, interpolates and normalizes one file, resolving its extends and include. Null when unreadable.</summary>
        public ComposeMapping? LoadFile(string fullPath, int includeDepth)
        {
            var root = ReadInterpolated(fullPath);
            if (root is null) return null;
            root = ResolveExtends(fullPath, root);
            if (root["include"] is { } include) root = ResolveInclude(fullPath, root, include, includeDepth);
            return root;
        }

        private readonly Dictionary<string, ComposeMapping?> _fileCache = new(StringComparer.Ordinal);

        private ComposeMapping? ReadInterpolated(string fullPath)
        {
            if (_fileCache.TryGetValue(fullPath, out var cached)) return cached;
            ComposeMapping? result = null;
            if (_options.ConfineTo is { } root && !Named.Contains(fullPath) && (!RootPaths.IsInside(Path.GetFullPath(root), fullPath) || WorkspaceReference.LinkEscape(Path.GetFullPath(root), fullPath) is not null))
            {
                Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Warning, OutsideCode, $"compose file {Display(fullPath)} leads outside the workspace; it was not read",
                    "keep compose files inside the audited folder", new ComposePosition(Display(fullPath), 1, 1)));
                return _fileCache[fullPath] = null;
            }
            try
            {
                var text = File.ReadAllText(fullPath);
                var node = YamlTreeReader.Read(text, Display(fullPath));
                if (node is ComposeMapping mapping)
                {
                    var interpolator = new ComposeInterpolator(Lookup);
                    result = Normalize((ComposeMapping)Interpolate(mapping, interpolator));
                    Diagnostics.AddRange(interpolator.Diagnostics);
                }
                else if (node is not null)
                {
                    Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "top-level-invalid",
                        "a compose file must be a mapping with a 'services:' key", "start the file with 'services:'", node.Position));
                }
                else
                {
                    result = new ComposeMapping(new ComposePosition(Display(fullPath), 1, 1), []);
                }
            }
            catch (ComposeFormatException e)
            {
                Diagnostics.Add(e.Diagnostic);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "file-unreadable", $"compose file could not be read: {e.Message}",
                    "check the path given with -f and its permissions", new ComposePosition(Display(fullPath), 1, 1)));
            }
            _fileCache[fullPath] = result;
            return result;
        }

        private ComposeNode Interpolate(ComposeNode node, ComposeInterpolator interpolator)
        {
            switch (node)
            {
                case ComposeScalar { Value: { } text } scalar:
                    try
                    {
                        return scalar with { Value = interpolator.Interpolate(text, scalar.Position) };
                    }
                    catch (ComposeFormatException e)
                    {
                        Diagnostics.Add(e.Diagnostic);
                        return scalar;
                    }
                case ComposeSequence seq:
                    return seq with { Items = seq.Items.Select(i => Interpolate(i, interpolator)).ToList() };
                case ComposeMapping map:
                    return map with { Entries = map.Entries.Select(e => e with { Value = Interpolate(e.Value, interpolator) }).ToList() };
                default:
                    return node;
            }
        }

        private ComposeMapping Normalize(ComposeMapping root)
        {
            if (root["services"] is not ComposeMapping services) return root;
            var normalized = new List<ComposeEntry>();
            foreach (var entry in services.Entries)
            {
                try
                {
                    normalized.Add(entry.Value is ComposeMapping m ? entry with { Value = ResolveBareEnvironment(ComposeMerger.NormalizeService(m)) } : entry);
                }
                catch (ComposeFormatException e)
                {
                    Diagnostics.Add(e.Diagnostic);
                    normalized.Add(entry);
                }
            }
            return Replace(root, "services", services with { Entries = normalized });
        }

        /// <summary>An <c>environment</c> entry written as a bare name takes its value from the environment when set there.</summary>
        private ComposeMapping ResolveBareEnvironment(ComposeMapping service)
        {
            if (service["environment"] is not ComposeMapping env || env.Entries.All(e => e.Value is not ComposeScalar { IsNull: true })) return service;
            var entries = env.Entries.Select(e => e.Value is ComposeScalar { IsNull: true } s && Lookup(e.Key) is { } value
                ? e with { Value = s with { Value = value } }
                : e).ToList();
            return Replace(service, "environment", env with { Entries = entries });
        }

        private ComposeMapping ResolveExtends(string fullPath, ComposeMapping root)
        {
            if (root["services"] is not ComposeMapping services) return root;
            var resolved = new List<ComposeEntry>();
            foreach (var entry in services.Entries)
            {
                if (entry.Value is not ComposeMapping body || body["extends"] is null)
                {
                    resolved.Add(entry);
                    continue;
                }
                try
                {
                    resolved.Add(entry with { Value = ResolveService(fullPath, services, entry.Key, []) });
                }
                catch (ComposeFormatException e)
                {
                    Diagnostics.Add(e.Diagnostic);
                    resolved.Add(entry with { Value = Without(body, "extends") });
                }
            }
            return Replace(root, "services", services with { Entries = resolved });
        }

        private ComposeMapping ResolveService(string fullPath, ComposeMapping services, string name, List<string> chain)
        {
            var entry = services.Entry(name);
            if (entry?.Value is not ComposeMapping body)
            {
                throw new ComposeFormatException("extends-missing", $"service '{name}' extended from {Display(fullPath)} does not exist there",
                    $"define service '{name}' in {Display(fullPath)} or fix the 'extends' reference",
                    chain.Count > 0 ? services.Position : new ComposePosition(Display(fullPath), 1, 1));
            }
            var extends = body["extends"];
            if (extends is null) return body;
            var key = fullPath + "#" + name;
            if (chain.Contains(key))
            {
                throw new ComposeFormatException("extends-cycle", $"'extends' loops back to service '{name}'",
                    "break the cycle so each service extends a different base", extends.Position);
            }
            chain.Add(key);
            string? baseName;
            string? baseFile = null;
            switch (extends)
            {
                case ComposeScalar { Value: { } v }:
                    baseName = v;
                    break;
                case ComposeMapping m:
                    baseName = (m["service"] as ComposeScalar)?.Value;
                    baseFile = (m["file"] as ComposeScalar)?.Value;
                    break;
                default:
                    baseName = null;
                    break;
            }
            if (baseName is null)
            {
                throw new ComposeFormatException("extends-invalid", "'extends' needs a service name",
                    "write extends: base or extends: { file: common.yml, service: base }", extends.Position);
            }
            ComposeMapping baseBody;
            if (baseFile is null)
            {
                baseBody = ResolveService(fullPath, services, baseName, chain);
            }
            else
            {
                var otherPath = Confine(Path.GetDirectoryName(fullPath)!, baseFile, $"service '{name}' extends from", extends.Position);
                if (otherPath is null) return Without(body, "extends");
                var other = ReadInterpolated(otherPath) ?? throw new ComposeFormatException("extends-file", $"extended file {baseFile} could not be loaded",
                    "fix the 'file' path (relative to this compose file)", extends.Position);
                if (other["services"] is not ComposeMapping otherServices || otherServices.Entry(baseName) is null)
                {
                    throw new ComposeFormatException("extends-missing", $"service '{baseName}' does not exist in {baseFile}",
                        $"define '{baseName}' in {baseFile} or fix the 'extends' reference", extends.Position);
                }
                baseBody = ResolveService(otherPath, otherServices, baseName, chain);
            }
            var merged = (ComposeMapping)ComposeMerger.Merge(Without(baseBody, "extends"), Without(body, "extends"), "services.*");
            return merged with { Position = body.Position };
        }

        private ComposeMapping ResolveInclude(string fullPath, ComposeMapping root, ComposeNode include, int depth)
        {
            if (depth >= MaxIncludeDepth)
            {
                Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "include-cycle", "'include' nests too deeply or loops",
                    "remove the include cycle", include.Position));
                return Without(root, "include");
            }
            if (include is not ComposeSequence items)
            {
                Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "include-invalid", "'include' must be a list",
                    "write include: [ other/compose.yaml ]", include.Position));
                return Without(root, "include");
            }
            var result = Without(root, "include");
            foreach (var item in items.Items)
            {
                var paths = item switch
                {
                    ComposeScalar { Value: { } p } => [p],
                    ComposeMapping m => m["path"] switch
                    {
                        ComposeScalar { Value: { } p } => [p],
                        ComposeSequence s => s.Items.OfType<ComposeScalar>().Select(x => x.Value ?? "").ToList(),
                        _ => new List<string>(),
                    },
                    _ => new List<string>(),
                };
                if (paths.Count == 0)
                {
                    Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "include-invalid", "an include entry needs a path",
                        "write - path: other/compose.yaml", item.Position));
                    continue;
                }
                ComposeMapping? included = null;
                foreach (var path in paths)
                {
                    var full = Confine(Path.GetDirectoryName(fullPath)!, path, "compose include names", item.Position);
                    if (full is null) continue;
                    if (!File.Exists(full))
                    {
                        Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "include-missing", $"included file {path} does not exist",
                            "fix the path (relative to this compose file)", item.Position));
                        continue;
                    }
                    var tree = LoadFile(full, depth + 1);
                    if (tree is not null) included = included is null ? tree : (ComposeMapping)ComposeMerger.Merge(included, tree, "");
                }
                if (included is not null) result = AddIncluded(result, included, item.Position);
            }
            return result;
        }

        private ComposeMapping AddIncluded(ComposeMapping root, ComposeMapping included, ComposePosition at)
        {
            foreach (var section in new[] { "services", "networks", "volumes", "secrets", "configs" })
            {
                if (included[section] is not ComposeMapping incoming) continue;
                var existing = root[section] as ComposeMapping ?? new ComposeMapping(incoming.Position, []);
                var entries = existing.Entries.ToList();
                foreach (var entry in incoming.Entries)
                {
                    if (entries.Any(e => e.Key == entry.Key))
                    {
                        if (section == "services")
                        {
                            Diagnostics.Add(new ComposeDiagnostic(ComposeDiagnosticLevel.Error, "include-conflict",
                                $"service '{entry.Key}' is defined both here and in an included file", "rename one of them or drop the include", at));
                        }
                        continue;
                    }
                    entries.Add(entry);
                }
                root = Replace(root, section, existing with { Entries = entries });
            }
            return root;
        }

        private static ComposeMapping Replace(ComposeMapping map, string key, ComposeNode value)
        {
            var entries = map.Entries.ToList();
            var index = entries.FindIndex(e => e.Key == key);
            if (index >= 0) entries[index] = entries[index] with { Value = value };
            else entries.Add(new ComposeEntry(key, value.Position, value));
            return map with { Entries = entries };
        }

        private static ComposeMapping Without(ComposeMapping map, string key) => map with { Entries = map.Entries.Where(e => e.Key != key).ToList() };

        private static Dictionary<string, string> ProcessEnvironment()
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string k && entry.Value is string v) result[k] = v;
            }
            return result;
        }
    }
}
