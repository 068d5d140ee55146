namespace Muster.Formats.Compose;

/// <summary>A service's build section: the context folder and Dockerfile (relative to the compose file's folder, as written).</summary>
public sealed record ComposeBuild(string Context, string? Dockerfile, IReadOnlyDictionary<string, string?> Args, ComposePosition Position);
