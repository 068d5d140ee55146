namespace Muster.Formats.Mcp;

/// <summary>
/// One MCP server as a configuration file declares it: either a command started over stdio (<see cref="Command"/>,
/// <see cref="Args"/>, <see cref="Env"/>) or a URL reached over HTTP (<see cref="Url"/>, <see cref="Headers"/>).
/// </summary>
public sealed record McpServerConfig
{
    public required string Name { get; init; }

    /// <summary>Root-relative path of the configuration file and the 1-based line of the server's entry.</summary>
    public required string SourcePath { get; init; }
    public int Line { get; init; } = 1;

    public string? Command { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public string? Url { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool IsStdio => Command is { Length: > 0 };
    public bool IsHttp => !IsStdio && Url is { Length: > 0 };
}
