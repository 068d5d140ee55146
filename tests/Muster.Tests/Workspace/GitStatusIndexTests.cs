using Muster.Workspace;

namespace Muster.Tests.Workspace;

public class GitStatusIndexTests
{
    [Fact]
    public void Classifies_tracked_untracked_and_ignored_files_including_ignored_folders()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "secret.txt\nbuild/\n");
        tree.Write("tracked.txt", "a");
        tree.Write("dir with space/tracked é.txt", "a");
        GitTestRepo.InitAndCommitAll(tree.Path);
        tree.Write("new.txt", "b");
        tree.Write("secret.txt", "c");
        tree.Write("build/out/x.bin", "d");

        var index = GitStatusIndex.TryLoad(tree.Path, out var reason);

        Assert.NotNull(index);
        Assert.Null(reason);
        Assert.Equal(GitFileStatus.Tracked, index.StatusOf("tracked.txt"));
        Assert.Equal(GitFileStatus.Tracked, index.StatusOf("dir with space/tracked é.txt"));
        Assert.Equal(GitFileStatus.Untracked, index.StatusOf("new.txt"));
        Assert.Equal(GitFileStatus.Ignored, index.StatusOf("secret.txt"));
        Assert.Equal(GitFileStatus.Ignored, index.StatusOf("build/out/x.bin"));
    }

    [Fact]
    public void Tracked_wins_over_a_gitignore_pattern_added_later()
    {
        using var tree = new TempTree();
        tree.Write(".env", "A=1");
        GitTestRepo.InitAndCommitAll(tree.Path);
        tree.Write(".gitignore", ".env\n");

        var index = GitStatusIndex.TryLoad(tree.Path, out _);

        Assert.Equal(GitFileStatus.Tracked, index!.StatusOf(".env"));
    }

    [Fact]
    public void Outside_a_work_tree_there_is_no_index_and_a_reason()
    {
        using var tree = new TempTree();
        tree.Write("a.txt", "x");

        var index = GitStatusIndex.TryLoad(tree.Path, out var reason);

        Assert.Null(index);
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
