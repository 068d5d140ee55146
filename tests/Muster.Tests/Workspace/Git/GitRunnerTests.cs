using System.Text;
using Muster.Workspace;
using Muster.Workspace.Git;

namespace Muster.Tests.Workspace.Git;

public sealed class GitRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("commit", "-m", "x")]
    [InlineData("status")]
    [InlineData("config", "core.fsmonitor")]
    [InlineData("log", "--output=/tmp/x")]
    [InlineData("log", "--ext-diff")]
    [InlineData("show", "--textconv")]
    [InlineData("cat-file", "--filters", "HEAD:a")]
    [InlineData("log", "--show-signature")]
    [InlineData("log", "--format=%G?")]
    [InlineData("ls-files", "-c")]
    public void Only_read_only_subcommands_without_program_starting_options_are_allowed(params string[] arguments)
    {
        using var tree = Committed();
        using var git = GitRunner.Open(tree.Path);

        Assert.Throws<ArgumentException>(() => git.Spec(arguments));
    }

    [Fact]
    public void Git_gets_an_emptied_environment_and_a_private_git_directory()
    {
        using var tree = Committed();
        using var git = GitRunner.Open(tree.Path);

        var start = git.Spec(["ls-files"]);

        Assert.True(Path.IsPathFullyQualified(start.FileName));
        Assert.Equal(tree.Path, start.WorkingDirectory);
        Assert.DoesNotContain(start.Arguments, a => a.StartsWith("safe.directory", StringComparison.Ordinal));
        Assert.Contains("core.fsmonitor=false", start.Arguments);
        Assert.Equal("1", start.Environment["GIT_CONFIG_NOSYSTEM"]);
        Assert.Equal("/dev/null", start.Environment["GIT_CONFIG_GLOBAL"]);
        Assert.False(start.Environment["GIT_DIR"].StartsWith(tree.Path, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(start.Environment["HOME"]));
        var allowed = new HashSet<string>(["PATH", "HOME", "XDG_CONFIG_HOME", "TMPDIR", "LANG", "LC_ALL", "TERM"]);
        Assert.All(start.Environment.Keys, k => Assert.True(allowed.Contains(k) || k.StartsWith("GIT_", StringComparison.Ordinal), k));
        Assert.False(start.Environment.ContainsKey("GIT_SSH_COMMAND"));
    }

    [Fact]
    public void An_executable_named_git_inside_the_audited_root_is_never_chosen()
    {
        using var tree = Committed();
        var planted = tree.Write("bin/git", "#!/bin/sh\ntouch /tmp/never\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(planted, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var chosen = GitExecutable.Find(tree.Path, $"bin:{Path.GetDirectoryName(planted)}:/usr/bin:/bin");

        Assert.Equal("/usr/bin/git", chosen);
    }

    [Fact]
    public async Task A_repository_owned_by_another_user_is_read_without_weakening_gits_ownership_check()
    {
        using var tree = Committed();
        Chown(tree.Path, 65534);

        var plain = Run(tree.Path, "ls-files");
        var load = await GitStatusIndex.LoadAsync(tree.Path, Timeout, CancellationToken.None);

        Assert.Contains("dubious ownership", plain, StringComparison.Ordinal);
        Assert.NotNull(load.Index);
        Assert.Equal(GitFileStatus.Tracked, load.Index.StatusOf("a.txt"));
        Assert.Contains(load.Notes, n => n.Code == "foreign-owner");
    }

    [Fact]
    public async Task A_linked_worktree_reads_its_own_index_from_the_main_repository()
    {
        using var main = Committed();
        using var other = new TempTree();
        var worktree = Path.Combine(other.Path, "wt");
        GitTestRepo.Run(main.Path, "worktree", "add", "-q", worktree);
        File.WriteAllText(Path.Combine(worktree, "new.txt"), "n");

        var load = await GitStatusIndex.LoadAsync(worktree, Timeout, CancellationToken.None);

        Assert.NotNull(load.Index);
        Assert.Equal(GitFileStatus.Tracked, load.Index.StatusOf("a.txt"));
        Assert.Equal(GitFileStatus.Untracked, load.Index.StatusOf("new.txt"));
        Assert.Contains(load.Notes, n => n.Code == "metadata-outside");
    }

    [Fact]
    public async Task A_git_pointer_file_leading_outside_the_workspace_is_not_followed()
    {
        using var victim = Committed();
        using var tree = new TempTree();
        tree.Write(".git", $"gitdir: {Path.Combine(victim.Path, ".git")}\n");

        var load = await GitStatusIndex.LoadAsync(tree.Path, Timeout, CancellationToken.None);

        Assert.Null(load.Index);
        Assert.Contains(load.Notes, n => n.Code == "outside-reference");
    }

    [Fact]
    public async Task A_commondir_pointer_leading_outside_the_workspace_is_not_followed()
    {
        using var victim = Committed();
        using var tree = Committed();
        File.WriteAllText(Path.Combine(tree.Path, ".git", "commondir"), Path.Combine(victim.Path, ".git") + "\n");

        var load = await GitStatusIndex.LoadAsync(tree.Path, Timeout, CancellationToken.None);

        Assert.Null(load.Index);
        Assert.Contains(load.Notes, n => n.Code == "outside-reference");
    }

    [Fact]
    public async Task A_sha256_repository_is_read()
    {
        using var tree = new TempTree();
        tree.Write("a.txt", "a");
        GitTestRepo.Run(tree.Path, "init", "-q", "--object-format=sha256");
        GitTestRepo.Run(tree.Path, "add", "-A");

        var load = await GitStatusIndex.LoadAsync(tree.Path, Timeout, CancellationToken.None);

        Assert.Equal(GitFileStatus.Tracked, load.Index!.StatusOf("a.txt"));
    }

    [Fact]
    public async Task History_is_streamed_and_a_blocked_command_is_killed_at_its_timeout()
    {
        using var tree = Committed();
        using var git = GitRunner.Open(tree.Path, GitAccess.History);

        await using (var log = git.Start(["log", "-p", "--format=commit %H"], Timeout, CancellationToken.None))
        {
            using var reader = new StreamReader(log.Output, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            Assert.Contains("+a", text, StringComparison.Ordinal);
            Assert.True((await log.WaitAsync()).Succeeded);
        }
        // cat-file --batch waits for input that never comes: the timeout must end it.
        await using var blocked = git.Start(["cat-file", "--batch"], TimeSpan.FromMilliseconds(500), CancellationToken.None, writesInput: true);
        var result = await blocked.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(blocked.Stopped);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Git_writes_nothing_into_the_audited_repository()
    {
        using var tree = Committed();
        tree.Write("a.txt", "changed");
        var before = Snapshot(Path.Combine(tree.Path, ".git"));
        using (var git = GitRunner.Open(tree.Path, GitAccess.History))
        {
            await git.RunAsync(["ls-files", "-z", "--modified"], Timeout, CancellationToken.None);
            await git.RunAsync(["log", "-p"], Timeout, CancellationToken.None);
        }

        Assert.Equal(before, Snapshot(Path.Combine(tree.Path, ".git")));
    }

    private static string Snapshot(string dir) => string.Join('\n', Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order()
        .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f).Ticks}"));

    private static TempTree Committed()
    {
        var tree = new TempTree();
        tree.Write("a.txt", "a\n");
        GitTestRepo.InitAndCommitAll(tree.Path);
        return tree;
    }

    private static void Chown(string path, int uid)
    {
        // Needs root, as CI runs: a failed chown fails the test rather than quietly testing nothing.
        foreach (var entry in Directory.GetFileSystemEntries(path, "*", SearchOption.AllDirectories).Append(path))
            Assert.True(NativeChown(entry, uid, uid) == 0, $"chown {entry} failed (tests run as root)");
    }

    private static string Run(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

#pragma warning disable SYSLIB1054
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "lchown")]
    private static extern int NativeChown([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int uid, int gid);
#pragma warning restore SYSLIB1054
}
