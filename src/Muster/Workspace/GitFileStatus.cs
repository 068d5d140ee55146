namespace Muster.Workspace;

/// <summary>Where a file stands with git (or, outside a work tree, with the .gitignore files under the root).</summary>
public enum GitFileStatus
{
    /// <summary>Not in a git work tree and not covered by any .gitignore under the root.</summary>
    NotIgnored,

    /// <summary>Not in a git work tree; a .gitignore under the root covers it.</summary>
    IgnoredByGitignore,

    Tracked,
    Untracked,
    Ignored,
}

public static class GitFileStatusText
{
    /// <summary>True when a careless <c>git add -A</c> or a copy of the folder would publish the file.</summary>
    public static bool IsExposed(this GitFileStatus status) =>
        status is GitFileStatus.Tracked or GitFileStatus.Untracked or GitFileStatus.NotIgnored;

    public static string Describe(this GitFileStatus status) => status switch
    {
        GitFileStatus.Tracked => "tracked by git",
        GitFileStatus.Untracked => "untracked and not covered by .gitignore",
        GitFileStatus.Ignored => "ignored by git",
        GitFileStatus.IgnoredByGitignore => "covered by .gitignore",
        _ => "not covered by .gitignore",
    };

    public static string ToLabel(this GitFileStatus status) => status switch
    {
        GitFileStatus.Tracked => "tracked",
        GitFileStatus.Untracked => "untracked",
        GitFileStatus.Ignored or GitFileStatus.IgnoredByGitignore => "ignored",
        _ => "not-ignored",
    };
}
