using Muster.Workspace;

namespace Muster.Tests.Workspace;

public class WorkspaceWalkerTests
{
    [Fact]
    public void Symlink_loops_and_links_out_of_the_root_are_not_followed()
    {
        using var tree = new TempTree();
        using var outside = new TempTree();
        tree.Write("a/file.txt", "x");
        outside.Write("outside.txt", "y");
        Directory.CreateSymbolicLink(Path.Combine(tree.Path, "a", "loop"), Path.Combine(tree.Path, "a"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Path, "out"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(tree.Path, "self"), Path.Combine(tree.Path, "self"));

        var walker = new WorkspaceWalker(tree.Path);
        var files = walker.EnumerateFiles().Select(f => f.RelativePath).ToList();

        Assert.Equal(["a/file.txt"], files);
        Assert.Empty(walker.Errors);
    }

    [Fact]
    public void Default_skips_are_counted()
    {
        using var tree = new TempTree();
        tree.Write("node_modules/x/index.js", "x");
        tree.Write("src/app.js", "x");

        var walker = new WorkspaceWalker(tree.Path);
        var files = walker.EnumerateFiles().Select(f => f.RelativePath).ToList();

        Assert.Equal(["src/app.js"], files);
        Assert.Equal(1, walker.SkippedDirectories);
    }
}
