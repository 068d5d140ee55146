namespace Muster.Formats.Markdown;

/// <summary>
/// One statement a status document makes about what runs. Numbers are null when the claim does not give them;
/// <see cref="Status"/> is the normalized word ("running", "integrated", "deployed", ...).
/// </summary>
public sealed record StatusClaim
{
    public required string File { get; init; }
    public required int Line { get; init; }
    public required ClaimKind Kind { get; init; }

    /// <summary>What the claim is about as written ("containers", "Docker Services", "AWS", "postgres").</summary>
    public required string Subject { get; init; }

    /// <summary>The source line, trimmed, for evidence.</summary>
    public required string Text { get; init; }

    public int? Running { get; init; }
    public int? Total { get; init; }
    public int? Configured { get; init; }
    public int? Deployed { get; init; }
    public string? Status { get; init; }

    /// <summary>Short form for messages: "20/20 running", "18 configured", "Integrated".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Configured is { } c) parts.Add($"{c} configured");
        if (Deployed is { } d) parts.Add($"{d} deployed");
        if (Running is { } r) parts.Add(Total is { } t ? $"{r}/{t} running" : $"{r} running");
        if (parts.Count == 0 && Status is { } s) parts.Add(s);
        return string.Join(", ", parts);
    }
}
