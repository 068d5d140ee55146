namespace Muster.Formats.Compose;

/// <summary>How to load compose files.</summary>
public sealed record ComposeLoadOptions
{
    /// <summary>Variables for interpolation; null reads the process environment. Wins over the <c>.env</c> file, as in compose.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>When set, positions name files relative to this folder with '/' separators.</summary>
    public string? DisplayRoot { get; init; }

    /// <summary>Overrides the project name (else top-level <c>name:</c>, <c>COMPOSE_PROJECT_NAME</c>, then the folder name).</summary>
    public string? ProjectName { get; init; }

    /// <summary>
    /// When set (a full path), files the compose files refer to (<c>include</c>, <c>extends.file</c>, the <c>.env</c>
    /// beside them) are read only when they resolve inside this folder, symbolic links included; a reference outside
    /// becomes a <c>reference-outside</c> warning and is not read.
    /// </summary>
    public string? ConfineTo { get; init; }

    /// <summary>The <c>.env</c> file to read; null means <c>.env</c> beside the first compose file.</summary>
    public string? EnvFile { get; init; }
}
