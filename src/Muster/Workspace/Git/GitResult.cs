namespace Muster.Workspace.Git;

/// <summary>How a git command ended. <see cref="Error"/> is null on success, else one line saying what went wrong.</summary>
public sealed record GitResult(int ExitCode, string Output, string? Error)
{
    public bool Succeeded => Error is null;
}
