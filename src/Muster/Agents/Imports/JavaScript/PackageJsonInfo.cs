using System.Text.Json;
using Muster.Formats.Limits;
using Muster.Workspace;

namespace Muster.Agents.Imports.JavaScript;

/// <summary>What import resolution needs from one package.json: its name, declared names, workspaces, subpath imports, entry points.</summary>
internal sealed record PackageJsonInfo(
    string Directory,
    string? Name,
    DeclaredManifest Declared,
    IReadOnlyList<string> Workspaces,
    IReadOnlyList<string> ImportKeys,
    IReadOnlyList<string> EntryPoints)
{
    /// <summary>Keys of an object-valued <c>browser</c> field: files ("./x.js") and packages ("jsdom") the browser build swaps.</summary>
    public IReadOnlySet<string> BrowserKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static PackageJsonInfo Read(string fullPath, string relativePath)
    {
        var declared = DeclaredDependencies.ReadPackageJson(fullPath, relativePath);
        var directory = PathProbe.DirectoryOf(relativePath);
        if (declared.Error is not null) return new PackageJsonInfo(directory, null, declared, [], [], []);
        using var doc = JsonDocument.Parse(BoundedRead.Text(fullPath, InputLimits.ManifestMaxBytes), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var workspaces = new List<string>();
        if (root.TryGetProperty("workspaces", out var ws))
        {
            var list = ws.ValueKind == JsonValueKind.Object && ws.TryGetProperty("packages", out var packages) ? packages : ws;
            if (list.ValueKind == JsonValueKind.Array) workspaces.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        }
        var importKeys = root.TryGetProperty("imports", out var imports) && imports.ValueKind == JsonValueKind.Object
            ? imports.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        var entries = new List<string>();
        foreach (var key in new[] { "types", "typings", "module", "main" })
        {
            if (root.TryGetProperty(key, out var entry) && entry.ValueKind == JsonValueKind.String) entries.Add(entry.GetString()!);
        }
        var browser = root.TryGetProperty("browser", out var b) && b.ValueKind == JsonValueKind.Object
            ? b.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new PackageJsonInfo(directory, name, declared, workspaces, importKeys, entries) { BrowserKeys = browser };
    }
}
