using System.Text.Json;
using Muster.Workspace;

namespace Muster.Agents.Imports.JavaScript;

/// <summary>
/// The module-resolution part of a tsconfig.json/jsconfig.json: <c>baseUrl</c> and <c>paths</c>, following relative
/// <c>extends</c> (a string or, since TypeScript 5.0, a list). Paths are stored relative to the audited root.
/// A solution-style config's <c>references</c> add the referenced projects' paths. <c>extends</c> naming a package (e.g. <c>@tsconfig/node20</c>) is not followed and is recorded in <see cref="Unfollowed"/>.
/// </summary>
internal sealed class TsConfigPaths
{
    public string? BaseUrl { get; private set; }
    public List<(string Pattern, List<string> Targets)> Paths { get; } = [];
    public List<string> Unfollowed { get; } = [];

    private readonly List<(string Pattern, List<string> Targets)> _referenced = [];
    public string? Error { get; private set; }

    public static TsConfigPaths Load(PathProbe probe, string relativePath)
    {
        var config = new TsConfigPaths();
        config.Apply(probe, relativePath, depth: 0);
        return config;
    }

    private void Apply(PathProbe probe, string relativePath, int depth)
    {
        if (depth > 10) return;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(probe.Full(relativePath)),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            Error ??= $"{relativePath}: {e.Message}";
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            var directory = PathProbe.DirectoryOf(relativePath);
            if (root.ValueKind != JsonValueKind.Object) return;
            if (root.TryGetProperty("extends", out var extends))
            {
                var parents = extends.ValueKind == JsonValueKind.Array ? extends.EnumerateArray().Select(e => e.GetString()) : [extends.GetString()];
                foreach (var parent in parents.OfType<string>())
                {
                    if (!parent.StartsWith('.'))
                    {
                        Unfollowed.Add(parent);
                        continue;
                    }
                    var path = PathProbe.Normalize(PathProbe.Join(directory, parent));
                    if (path is null) continue;
                    if (!probe.FileExists(path) && probe.FileExists(path + ".json")) path += ".json";
                    Apply(probe, path, depth + 1);
                }
            }
            if (depth == 0 && root.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array)
            {
                // A solution-style tsconfig ("files": [], "references": [...]) leaves paths to the referenced projects.
                foreach (var reference in references.EnumerateArray())
                {
                    if (reference.ValueKind != JsonValueKind.Object || !reference.TryGetProperty("path", out var p) || p.GetString() is not { } path) continue;
                    if (PathProbe.Normalize(PathProbe.Join(directory, path)) is not { } target) continue;
                    if (probe.DirectoryExists(target)) target = PathProbe.Join(target, "tsconfig.json");
                    if (!probe.FileExists(target)) continue;
                    var referenced = new TsConfigPaths();
                    referenced.Apply(probe, target, depth + 1);
                    _referenced.AddRange(referenced.Paths);
                }
            }
            if (!root.TryGetProperty("compilerOptions", out var options) || options.ValueKind != JsonValueKind.Object) return;
            if (options.TryGetProperty("baseUrl", out var baseUrl) && baseUrl.ValueKind == JsonValueKind.String)
            {
                BaseUrl = PathProbe.Normalize(PathProbe.Join(directory, baseUrl.GetString()!));
            }
            if (options.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
            {
                // Later configs replace inherited paths wholesale, as TypeScript does.
                Paths.Clear();
                var targetBase = BaseUrl ?? directory;
                foreach (var entry in paths.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Array) continue;
                    var targets = entry.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
                        .Select(v => PathProbe.Normalize(PathProbe.Join(targetBase, v.GetString()!))).OfType<string>().ToList();
                    Paths.Add((entry.Name, targets));
                }
            }
        }
    }

    /// <summary>Candidate paths for <paramref name="specifier"/> from the best (longest-prefix) matching pattern; null when no pattern matches.</summary>
    public IReadOnlyList<string>? Map(string specifier)
    {
        (string Pattern, List<string> Targets)? best = null;
        var bestPrefix = -1;
        string star = "";
        foreach (var (pattern, targets) in Paths.Concat(_referenced))
        {
            var wildcard = pattern.IndexOf('*');
            if (wildcard < 0)
            {
                if (pattern == specifier) return targets;
                continue;
            }
            var prefix = pattern[..wildcard];
            var suffix = pattern[(wildcard + 1)..];
            if (specifier.Length >= prefix.Length + suffix.Length && specifier.StartsWith(prefix, StringComparison.Ordinal) &&
                specifier.EndsWith(suffix, StringComparison.Ordinal) && prefix.Length > bestPrefix)
            {
                best = (pattern, targets);
                bestPrefix = prefix.Length;
                star = specifier[prefix.Length..(specifier.Length - suffix.Length)];
            }
        }
        return best?.Targets.Select(t => t.Replace("*", star, StringComparison.Ordinal)).ToList();
    }
}
