using Muster.Workspace;

namespace Muster.Tests.Workspace;

public sealed class WorkspaceReferenceTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly string _root;
    private readonly string _outside;

    public WorkspaceReferenceTests()
    {
        _root = Path.Combine(_tree.Path, "root");
        _outside = Path.Combine(_tree.Path, "outside");
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "x");
        File.WriteAllText(Path.Combine(_root, "sub", "inner.txt"), "x");
    }

    [Theory]
    [InlineData("inner.txt", "sub/inner.txt")]
    [InlineData("../sub/inner.txt", "sub/inner.txt")]
    [InlineData("./missing.txt", "sub/missing.txt")]
    public void A_reference_that_stays_inside_resolves_to_its_root_relative_path(string written, string relative)
    {
        var reference = WorkspaceReference.Resolve(_root, Path.Combine(_root, "sub"), written);

        Assert.False(reference.Outside, reference.Refusal);
        Assert.Equal(relative, reference.RelativePath);
        Assert.Equal(Path.Combine(_root, relative), reference.FullPath);
    }

    [Theory]
    [InlineData("../../outside/secret.txt", "climbs out")]
    [InlineData("../../../../../../etc/passwd", "climbs out")]
    [InlineData("~/.pip/requirements.txt", "home folder")]
    public void Climbing_out_or_a_home_path_is_outside(string written, string why)
    {
        var reference = WorkspaceReference.Resolve(_root, Path.Combine(_root, "sub"), written);

        Assert.True(reference.Outside);
        Assert.Null(reference.FullPath);
        Assert.Equal(written, reference.Written);
        Assert.Contains(why, reference.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_path_outside_is_outside_and_one_inside_is_not()
    {
        Assert.True(WorkspaceReference.Resolve(_root, _root, Path.Combine(_outside, "secret.txt")).Outside);
        Assert.Equal("sub/inner.txt", WorkspaceReference.Resolve(_root, _root, Path.Combine(_root, "sub", "inner.txt")).RelativePath);
    }

    [Fact]
    public void A_folder_link_or_a_file_link_that_leads_outside_is_outside()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), _outside);
        File.CreateSymbolicLink(Path.Combine(_root, "sub", "leak.txt"), Path.Combine(_outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_root, "sub", "fine.txt"), "inner.txt");

        var throughFolder = WorkspaceReference.Resolve(_root, _root, "linked/secret.txt");
        var fileLink = WorkspaceReference.Resolve(_root, Path.Combine(_root, "sub"), "leak.txt");

        Assert.True(throughFolder.Outside);
        Assert.Contains("linked is a symbolic link", throughFolder.Refusal, StringComparison.Ordinal);
        Assert.True(fileLink.Outside);
        Assert.False(WorkspaceReference.Resolve(_root, Path.Combine(_root, "sub"), "fine.txt").Outside);
    }

    public void Dispose() => _tree.Dispose();
}
