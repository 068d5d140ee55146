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

    [Fact]
    public void Fifos_are_scan_errors_and_never_reach_an_agent_while_empty_files_do()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var tree = new TempTree();
        tree.Write("empty.txt", "");
        tree.Write("src/app.py", "import os\n");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(tree.Path, "src", "requirements.txt")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var walker = new WorkspaceWalker(tree.Path);
        var files = walker.EnumerateFiles().Select(f => f.RelativePath).ToList();

        Assert.Equal(["empty.txt", "src/app.py"], files);
        var error = Assert.Single(walker.Errors);
        Assert.Equal("src/requirements.txt", error.RelativePath);
        Assert.Contains("a FIFO", error.Message, StringComparison.Ordinal);
    }
}
