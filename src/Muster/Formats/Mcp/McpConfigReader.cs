using System.Text.Json;
using Muster.Workspace;

namespace Muster.Formats.Mcp;

/// <summary>
/// Finds MCP server declarations in a workspace: <c>.mcp.json</c>, <c>.cursor/mcp.json</c>,
/// <c>claude_desktop_config.json</c> and any other JSON settings file with an <c>mcpServers</c> object, plus
/// <c>.vscode/mcp.json</c>'s <c>servers</c> object. Files larger than <see cref="MaxFileBytes"/> are not parsed: those
/// that may declare servers (a known config name, or the text <c>mcpServers</c>) are listed in <see cref="TooLarge"/>.
/// </summary>
public sealed class McpConfigReader(string root)
{
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Configuration files that could not be parsed: (root-relative path, reason).</summary>
    public List<(string Path, string Reason)> Unreadable { get; } = [];

    /// <summary>Configuration files over <see cref="MaxFileBytes"/> that may declare servers: (root-relative path, bytes). Not read.</summary>
    public List<(string Path, long Length)> TooLarge { get; } = [];

    /// <summary>Every JSON file that declared at least one server block (even an empty one).</summary>
    public List<string> ConfigFiles { get; } = [];

    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public IReadOnlyList<McpServerConfig> Read(CancellationToken cancellationToken)
    {
        var servers = new List<McpServerConfig>();
        var walker = new WorkspaceWalker(root, new WalkOptions { Include = ["**/*.json"] });
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            if (!file.RelativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
            if (file.Length > MaxFileBytes)
            {
                if (IsKnownConfigName(file.RelativePath) || FileContains.Ascii(file.FullPath, "mcpServers")) TooLarge.Add((file.RelativePath, file.Length));
                continue;
            }
            string text;
            try
            {
                text = File.ReadAllText(file.FullPath);
            }
            catch (IOException e)
            {
                Unreadable.Add((file.RelativePath, e.Message));
                continue;
            }
            catch (UnauthorizedAccessException e)
            {
                Unreadable.Add((file.RelativePath, e.Message));
                continue;
            }
            var isVsCode = file.RelativePath.Equals(".vscode/mcp.json", StringComparison.Ordinal) || file.RelativePath.EndsWith("/.vscode/mcp.json", StringComparison.Ordinal);
            var named = IsKnownConfigName(file.RelativePath);
            // Cheap pre-filter: only parse files that can hold a server block.
            if (!named && !text.Contains("mcpServers", StringComparison.Ordinal)) continue;
            servers.AddRange(Parse(file.RelativePath, text, isVsCode));
        }
        return servers;
    }

    internal IReadOnlyList<McpServerConfig> Parse(string relativePath, string text, bool isVsCode)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Lenient);
        }
        catch (JsonException e)
        {
            if (IsKnownConfigName(relativePath)) Unreadable.Add((relativePath, $"not valid JSON: {e.Message}"));
            return [];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            var block = FindServersBlock(document.RootElement, isVsCode);
            if (block is not { } servers) return [];
            ConfigFiles.Add(relativePath);
            var lines = text.Split('\n');
            var result = new List<McpServerConfig>();
            foreach (var server in servers.EnumerateObject())
            {
                if (server.Value.ValueKind != JsonValueKind.Object) continue;
                result.Add(new McpServerConfig
                {
                    Name = server.Name,
                    SourcePath = relativePath,
                    Line = LineOf(lines, server.Name),
                    Command = StringOf(server.Value, "command"),
                    Args = server.Value.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array
                        ? args.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText()).ToList()
                        : [],
                    Env = MapOf(server.Value, "env"),
                    Url = StringOf(server.Value, "url") ?? StringOf(server.Value, "serverUrl"),
                    Headers = MapOf(server.Value, "headers"),
                });
            }
            return result;
        }
    }

    private static JsonElement? FindServersBlock(JsonElement rootElement, bool isVsCode)
    {
        if (rootElement.TryGetProperty("mcpServers", out var s) && s.ValueKind == JsonValueKind.Object) return s;
        if (isVsCode && rootElement.TryGetProperty("servers", out var v) && v.ValueKind == JsonValueKind.Object) return v;
        // VS Code user/workspace settings nest it: { "mcp": { "servers": { ... } } }.
        if (rootElement.TryGetProperty("mcp", out var mcp) && mcp.ValueKind == JsonValueKind.Object &&
            mcp.TryGetProperty("servers", out var nested) && nested.ValueKind == JsonValueKind.Object) return nested;
        return null;
    }

    private static bool IsKnownConfigName(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return name is ".mcp.json" or "mcp.json" or "claude_desktop_config.json";
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> MapOf(JsonElement element, string property)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Object) return map;
        foreach (var entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
        }
        return map;
    }

    private static int LineOf(string[] lines, string name)
    {
        var key = "\"" + name + "\"";
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(key, StringComparison.Ordinal);
            if (at >= 0 && lines[i].AsSpan(at + key.Length).TrimStart().StartsWith(":")) return i + 1;
        }
        return 1;
    }
}
