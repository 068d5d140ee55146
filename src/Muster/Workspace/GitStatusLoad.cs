using Muster.Workspace.Git;

namespace Muster.Workspace;

/// <summary>The outcome of reading git status: the index, or why there is none; and the notes worth reporting either way.</summary>
public sealed record GitStatusLoad(GitStatusIndex? Index, string? Reason, IReadOnlyList<GitNote> Notes);
