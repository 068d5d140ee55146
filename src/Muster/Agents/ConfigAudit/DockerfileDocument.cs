using Muster.Formats.Docker;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// A Dockerfile split into instructions (<see cref="DockerfileInstructions"/>). <see cref="HasDockerIgnore"/> says whether a .dockerignore sits in a folder that may be the
/// build context: the Dockerfile's own or one above it.
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

    /// <summary>
    /// Whether the image built up to <paramref name="target"/> (a stage name; null: the last stage) declares a
    /// HEALTHCHECK. Healthchecks are inherited from a stage the target builds FROM, and <c>HEALTHCHECK NONE</c> removes one.
    /// </summary>
    public bool DeclaresHealthcheck(string? target)
    {
        var stages = Named("FROM").Select(f => f.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        var stage = target is null ? LastStage
            : stages.FindIndex(a => a.Length >= 3 && a[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) && a[^1].Equals(target, StringComparison.OrdinalIgnoreCase));
        for (var depth = 0; stage >= 0 && depth <= stages.Count; depth++)
        {
            var last = Instructions.LastOrDefault(i => i.Stage == stage && i.Keyword == "HEALTHCHECK");
            if (last is not null) return !last.Arguments.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase);
            // FROM an earlier stage of this file: its healthcheck carries over; FROM an image: unknown here.
            var image = stages[stage].FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
            stage = image is null ? -1
                : stages.FindIndex(a => a.Length >= 3 && a[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) && a[^1].Equals(image, StringComparison.OrdinalIgnoreCase));
        }
        return false;
    }

    public RuleHit Hit(DockerInstruction at, string message, string? evidence = null, string? discriminator = null) =>
        new(Path, at.Line, at.Column, message, evidence, discriminator ?? $"{at.Line}");
}
