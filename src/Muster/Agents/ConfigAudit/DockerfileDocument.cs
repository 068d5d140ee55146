using Muster.Formats.Docker;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// A Dockerfile split into instructions (<see cref="DockerfileInstructions"/>). <see cref="HasDockerIgnore"/> says whether a .dockerignore sits in the build context (the
/// Dockerfile's folder, the usual layout).
/// </summary>
internal sealed class DockerfileDocument
{
    public DockerfileDocument(string path, string text, bool hasDockerIgnore)
    {
        Path = path;
        HasDockerIgnore = hasDockerIgnore;
        Instructions = DockerfileInstructions.Split(text);
    }

    public string Path { get; }
    public bool HasDockerIgnore { get; }
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public IEnumerable<DockerInstruction> Named(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public int LastStage => Instructions.Count == 0 ? 0 : Instructions[^1].Stage;

    public RuleHit Hit(DockerInstruction at, string message, string? evidence = null, string? discriminator = null) =>
        new(Path, at.Line, at.Column, message, evidence, discriminator ?? $"{at.Line}");
}
