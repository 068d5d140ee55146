using Muster.Formats.Compose;
using Muster.Formats.Docker;
using Muster.Formats.Nginx;
using Muster.Workspace;
using Muster.Workspace.Processes;

namespace Muster.Agents.ConfigAudit;

/// <summary>The workspace's config files, sorted by kind, read once. Files over the size limit are listed in
/// <see cref="TooLarge"/>, not read (.env files are always read: what they hold is what the env rules are about).</summary>
internal sealed class ConfigFileSet
{
    private readonly string _root;
    private readonly List<WorkspaceFile> _compose = [];
    private readonly List<WorkspaceFile> _dockerfiles = [];
    private readonly List<WorkspaceFile> _nginx = [];
    private readonly List<WorkspaceFile> _env = [];
    private readonly List<WorkspaceFile> _examples = [];
    private readonly List<WorkspaceFile> _shell = [];
    private readonly List<WorkspaceFile> _gitignores = [];
    private readonly HashSet<string> _dockerignoreFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    private ConfigFileSet(string root) => _root = root;

    /// <summary>Files that could not be read (or .gitignore files that could not be parsed): not audited.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Config files over the size limit: not read, not audited.</summary>
    public List<WorkspaceFile> TooLarge { get; } = [];
    public int FileCount => _compose.Count + _dockerfiles.Count + _nginx.Count + _env.Count + _shell.Count;
    public int DockerfileCount => _dockerfiles.Count;
    public int ShellScriptCount => _shell.Count;

    public static ConfigFileSet Collect(WorkspaceWalker walker, long maxBytes, CancellationToken cancellationToken)
    {
        var set = new ConfigFileSet(walker.Root);
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            var name = Path.GetFileName(file.RelativePath);
            var list = name switch
            {
                _ when ConfigFileKinds.IsCompose(name) => set._compose,
                _ when DockerfileInstructions.IsDockerfile(name) => set._dockerfiles,
                _ when ConfigFileKinds.IsEnvExample(name) => set._examples,
                _ when ConfigFileKinds.IsEnvFile(name) => set._env,
                _ when ConfigFileKinds.IsShellScript(name) => set._shell,
                ".gitignore" => set._gitignores,
                _ when ConfigFileKinds.IsNginxCandidate(file.RelativePath, name) => set._nginx,
                _ => null,
            };
            if (name.EndsWith(".dockerignore", StringComparison.Ordinal)) set._dockerignoreFolders.Add(Folder(file.RelativePath));
            if (list is null) continue;
            if (file.Length > maxBytes && list != set._env) { set.TooLarge.Add(file); continue; }
            list.Add(file);
        }
        return set;
    }

    private List<DockerfileDocument>? _dockerfileDocuments;
    private List<(ComposeAuditDocument Document, string Text)>? _composeDocuments;

    /// <summary>Parsed once: the compose rules audit the documents, the env rules read the variables they interpolate.</summary>
    private List<(ComposeAuditDocument Document, string Text)> ComposeDocuments() =>
        _composeDocuments ??= _compose.Select(f => (File: f, Text: Read(f))).Where(x => x.Text is not null)
            .Select(x => (ComposeAuditDocument.Parse(x.File.RelativePath, x.Text!), x.Text!)).ToList();

    public List<ComposeFileGroup> ComposeFileGroups()
    {
        var dockerfiles = Dockerfiles().ToDictionary(d => d.Path, StringComparer.Ordinal);
        return ComposeDocuments().Select(x => x.Document)
            .GroupBy(d => (Folder(d.Path), ConfigFileKinds.ComposeProjectStem(Path.GetFileName(d.Path))))
            .Select(g => new ComposeFileGroup(g.OrderBy(d => ConfigFileKinds.IsComposeOverride(Path.GetFileName(d.Path)) ? 1 : 0).ToList()) { Dockerfiles = dockerfiles })
            .ToList();
    }

    /// <summary>Read and split once: compose rules look up the Dockerfiles services build, and the Dockerfile rules audit them.</summary>
    public IReadOnlyList<DockerfileDocument> Dockerfiles() =>
        _dockerfileDocuments ??= _dockerfiles.Select(f => (File: f, Text: Read(f))).Where(x => x.Text is not null)
            .Select(x => new DockerfileDocument(x.File.RelativePath, x.Text!, DockerIgnoreAtOrAbove(Folder(x.File.RelativePath)))).ToList();

    /// <summary>
    /// A build context is the Dockerfile's folder or one above it (<c>docker build -f docker/prod/Dockerfile .</c>), and
    /// docker reads the .dockerignore at the context's root: one there, or in any folder above, may be the one used.
    /// </summary>
    private bool DockerIgnoreAtOrAbove(string folder)
    {
        while (true)
        {
            if (_dockerignoreFolders.Contains(folder)) return true;
            if (folder.Length == 0) return false;
            folder = Folder(folder);
        }
    }

    public IEnumerable<ShellScriptDocument> ShellScripts() =>
        _shell.Select(f => (File: f, Text: Read(f))).Where(x => x.Text is not null).Select(x => new ShellScriptDocument(x.File.RelativePath, x.Text!));

    /// <summary>
    /// nginx configs confirmed by content (they declare http/server/location/upstream/events blocks), each loaded with
    /// its includes. A main config (one with a top-level <c>http</c> or <c>events</c> block, as a real <c>nginx.conf</c> has) resolves
    /// relative includes against <paramref name="prefix"/> (root-relative, like <c>nginx -p</c>) or its own folder.
    /// A file some config includes is audited as part of it, not again; a file under a main config's folder that no
    /// main config loads is listed as unloaded, not audited (nginx never reads it); any other file (a snippet mounted
    /// into an image's <c>conf.d</c>) is audited on its own.
    /// </summary>
    public NginxSelection NginxConfigs(string? prefix)
    {
        var fullPrefix = prefix is null ? null : Path.GetFullPath(Path.Combine(_root, prefix));
        var loaded = _nginx.Select(f => (File: f, Main: IsMainNginx(f)))
            .Select(x => (x.File, x.Main, Config: NginxConfig.Load(x.File.FullPath, _root, x.Main ? fullPrefix : null)))
            .Where(x => x.Config.AllDirectives().Any(d => d.IsBlock && d.Name is "http" or "server" or "location" or "upstream" or "events" or "stream"))
            .ToList();
        var includedElsewhere = loaded.SelectMany(x => x.Config.Files.Skip(1)).ToHashSet(StringComparer.Ordinal);
        var mains = loaded.Where(x => x.Main && !includedElsewhere.Contains(x.Config.Path)).ToList();
        var mainFolders = mains.Select(m => Folder(m.Config.Path)).Distinct(StringComparer.Ordinal).ToList();
        var audited = new List<NginxConfig>(mains.Select(m => m.Config));
        var unloaded = new List<string>();
        foreach (var other in loaded.Where(x => !x.Main && !includedElsewhere.Contains(x.Config.Path)))
        {
            if (mainFolders.Any(folder => Under(other.Config.Path, folder))) unloaded.Add(other.Config.Path);
            else audited.Add(other.Config);
        }
        if (audited.Count == 0 && unloaded.Count == 0) audited.AddRange(loaded.Select(x => x.Config));
        return new NginxSelection(audited, unloaded);
    }

    private bool IsMainNginx(WorkspaceFile file)
    {
        var text = Read(file);
        return text is not null && NginxConfig.Parse(text, file.RelativePath).Directives.Any(d => d.IsBlock && d.Name is "http" or "events");
    }

    private static bool Under(string path, string folder) => folder.Length == 0 || path.StartsWith(folder + "/", StringComparison.Ordinal);

    public async Task<EnvAuditDocument> EnvDocumentAsync(TimeSpan gitTimeout, IProcessStarter processes, CancellationToken cancellationToken)
    {
        var paths = _env.Select(f => f.RelativePath).ToList();
        var git = (await GitStatusIndex.LoadAsync(_root, gitTimeout, cancellationToken, processes)).Index;
        IReadOnlySet<string> ignored, tracked;
        string source;
        if (git is not null)
        {
            ignored = paths.Where(git.IsCoveredByIgnorePattern).ToHashSet(StringComparer.Ordinal);
            tracked = paths.Where(git.IsTracked).ToHashSet(StringComparer.Ordinal);
            source = "git ls-files";
        }
        else
        {
            var matcher = GitignoreMatcher.FromFiles(_gitignores, (path, _) => Skipped.Add(path));
            (ignored, tracked, source) = (paths.Where(p => matcher.IsIgnored(p)).ToHashSet(StringComparer.Ordinal), new HashSet<string>(), ".gitignore files (not a git repository)");
        }
        var envFiles = _env.Select(f => new EnvFileInfo(f.RelativePath, ignored.Contains(f.RelativePath), tracked.Contains(f.RelativePath), Mode(f.FullPath),
            CredentialKeys(f))).ToList();
        var variables = ComposeDocuments().SelectMany(x => ComposeVariableReferences.In(x.Document.Root, x.Text)).ToList();
        var examples = new Dictionary<string, (string Path, IReadOnlySet<string> Names)>(StringComparer.Ordinal);
        foreach (var example in _examples.OrderBy(e => Path.GetFileName(e.RelativePath) == ".env.example" ? 0 : 1))
        {
            var folder = Folder(example.RelativePath);
            if (!examples.ContainsKey(folder) && Read(example) is { } text) examples[folder] = (example.RelativePath, EnvExampleFile.Names(text));
        }
        return new EnvAuditDocument(envFiles, variables, examples, source);
    }

    // An unreadable env file counts as holding credentials: what was not read is not called harmless.
    private IReadOnlyList<string> CredentialKeys(WorkspaceFile file) =>
        Read(file) is not { } text ? ["(unreadable)"]
            : DotEnvReader.Parse(text)
                .Where(p => (SecretValues.IsSecretKey(p.Key) && SecretValues.IsLiteralSecret(p.Value)) || SecretValues.TryGetUrlPassword(p.Value, out _))
                .Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();

    private string? Read(WorkspaceFile file)
    {
        if (_texts.TryGetValue(file.RelativePath, out var cached)) return cached;
        try
        {
            return _texts[file.RelativePath] = File.ReadAllText(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Skipped.Add(file.RelativePath);
            return null;
        }
    }

    private static UnixFileMode? Mode(string fullPath)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            return File.GetUnixFileMode(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Folder(string relativePath) => relativePath.Contains('/') ? relativePath[..relativePath.LastIndexOf('/')] : "";
}
