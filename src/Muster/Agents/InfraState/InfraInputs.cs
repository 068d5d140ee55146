using Microsoft.Extensions.FileSystemGlobbing;
using Muster.Agents.InfraState.Nginx;
using Muster.Formats.Compose;
using Muster.Formats.Markdown;
using Muster.Formats.Services;
using Muster.Workspace;

namespace Muster.Agents.InfraState;

/// <summary>What the workspace declares and claims: compose projects, status-document claims, the services manifest.</summary>
internal sealed record InfraInputs
{
    public static readonly IReadOnlyList<string> DefaultDocuments = ["**/*STATUS*.md", "**/*status*.md", "**/README.md", "docs/**/*.md"];

    private static readonly string[] ComposeNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
    private static readonly string[] OverrideNames = ["compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml"];

    public IReadOnlyList<ComposeProject> Projects { get; init; } = [];

    /// <summary>Compose files the services manifest names outside the workspace: not read.</summary>
    public IReadOnlyList<WorkspaceReference> OutsideReferences { get; init; } = [];
    public IReadOnlyList<StatusClaim> Claims { get; init; } = [];
    public ServiceManifest Manifest { get; init; } = new();
    public string? ManifestPath { get; init; }
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Status documents over <see cref="MaxDocumentBytes"/>: not read, their claims not verified.</summary>
    public IReadOnlyList<WorkspaceFile> DocumentsNotRead { get; init; } = [];
    public long MaxDocumentBytes { get; init; } = StatusDocuments.MaxBytes;

    /// <summary>The text of each status document read, for documentation coverage.</summary>
    public IReadOnlyList<string> DocumentTexts { get; init; } = [];
    public IReadOnlyList<ProxyTarget> ProxyTargets { get; init; } = [];

    public static InfraInputs Read(string root, InfraStateSettings settings, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        var manifestPath = settings.ServicesFile;
        var manifestFull = Path.Combine(root, manifestPath);
        var manifest = File.Exists(manifestFull) ? ServiceManifest.Parse(File.ReadAllText(manifestFull), manifestPath.Replace('\\', '/')) : new ServiceManifest();

        var documentGlobs = settings.Documents is { Count: > 0 } d ? d : DefaultDocuments;
        var documents = new Matcher(StringComparison.Ordinal);
        documents.AddIncludePatterns(documentGlobs);
        var walker = new WorkspaceWalker(root);
        var docFiles = new List<WorkspaceFile>();
        var composeFiles = new List<string>();
        var allFiles = new List<WorkspaceFile>();
        foreach (var file in walker.EnumerateFiles(ct))
        {
            allFiles.Add(file);
            var name = Path.GetFileName(file.RelativePath);
            if (file.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && documents.Match(file.RelativePath).HasMatches) docFiles.Add(file);
            if (ComposeNames.Contains(name, StringComparer.Ordinal)) composeFiles.Add(file.RelativePath);
        }

        // The plan's compose setting names paths (read as given); the services manifest is a workspace file, so its
        // compose groups are references and stay confined to the root.
        var outside = new List<WorkspaceReference>();
        var groups = settings.Compose is { Count: > 0 } configured
            ? configured.Select(c => (IReadOnlyList<string>)c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : manifest.ComposeGroups.Count > 0
                ? Confined(root, manifest.ComposeGroups, outside)
                : DefaultGroups(root, composeFiles);
        var projects = groups.Where(g => g.Count > 0).Select(g => ComposeLoader.Load(g.Select(f => Path.Combine(root, f)).ToList(),
            new ComposeLoadOptions { DisplayRoot = root, Environment = environment, ConfineTo = root })).ToList();

        var claims = new List<StatusClaim>();
        var texts = new List<string>();
        var maxDocumentBytes = settings.MaxDocumentBytes;
        var documentsNotRead = new List<WorkspaceFile>();
        foreach (var doc in docFiles.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            if (doc.Length > maxDocumentBytes) { documentsNotRead.Add(doc); continue; }
            try
            {
                var text = File.ReadAllText(doc.FullPath);
                texts.Add(text);
                claims.AddRange(StatusDocumentParser.Parse(text, doc.RelativePath));
            }
            catch (IOException)
            {
                // vanished or unreadable mid-run: the walker's errors cover unreadable folders; a vanished file has no claims
            }
        }
        return new InfraInputs
        {
            Projects = projects,
            OutsideReferences = outside,
            Claims = claims,
            Manifest = manifest,
            ManifestPath = File.Exists(manifestFull) ? manifestPath.Replace('\\', '/') : null,
            Documents = docFiles.Select(f => f.RelativePath).ToList(),
            DocumentsNotRead = documentsNotRead,
            MaxDocumentBytes = maxDocumentBytes,
            DocumentTexts = texts,
            ProxyTargets = settings.Nginx ? NginxProxyTargets.Find(root, allFiles) : [],
        };
    }

    private static List<IReadOnlyList<string>> Confined(string root, IReadOnlyList<IReadOnlyList<string>> groups, List<WorkspaceReference> outside)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var group in groups)
        {
            var kept = new List<string>();
            foreach (var file in group)
            {
                var reference = WorkspaceReference.Resolve(root, root, file);
                if (reference.Outside) outside.Add(reference);
                else kept.Add(reference.RelativePath!);
            }
            result.Add(kept);
        }
        return result;
    }

    /// <summary>One project per folder holding a canonical compose file, with its override file when present (compose's default).</summary>
    private static List<IReadOnlyList<string>> DefaultGroups(string root, List<string> composeFiles)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var byDir in composeFiles.GroupBy(f => Path.GetDirectoryName(f) ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var main = ComposeNames.Select(n => byDir.FirstOrDefault(f => Path.GetFileName(f) == n)).FirstOrDefault(f => f is not null);
            if (main is null) continue;
            var group = new List<string> { main };
            var dir = Path.Combine(root, byDir.Key);
            if (OverrideNames.FirstOrDefault(o => File.Exists(Path.Combine(dir, o))) is { } over)
            {
                group.Add(Path.Combine(byDir.Key, over).Replace('\\', '/'));
            }
            groups.Add(group);
        }
        return groups;
    }
}
