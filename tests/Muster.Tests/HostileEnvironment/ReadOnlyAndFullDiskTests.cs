using Muster.Engine.Journal;

namespace Muster.Tests.HostileEnvironment;

/// <summary>Read-only and full disks (real tmpfs mounts) under the journal, the audited root and the reports: exit 2 with the fix.</summary>
public sealed class ReadOnlyAndFullDiskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-disks-").FullName;
    private readonly List<Tmpfs> _mounts = [];
    private string Plan => Path.Combine(_dir, "plan.yaml");
    private string Workspace => Path.Combine(_dir, "ws");

    public ReadOnlyAndFullDiskTests()
    {
        Directory.CreateDirectory(Workspace);
        // Long names make the inventory artifact (journaled and reported) large enough to fill a small disk.
        for (var i = 0; i < 3000; i++) File.WriteAllText(Path.Combine(Workspace, $"module_with_a_rather_long_descriptive_name_{i:D5}.py"), "print(1)\n");
        File.WriteAllText(Plan, "name: drill\ngates: {security: off, type-check: off, tests: off, documentation: off}\nwaves:\n  - name: one\n    agents:\n      - {id: inv, kind: workspace-inventory}\n");
    }

    public void Dispose()
    {
        foreach (var mount in _mounts) mount.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private Tmpfs Mount(string name, int kilobytes)
    {
        var mount = Tmpfs.Mount(Path.Combine(_dir, name), kilobytes);
        _mounts.Add(mount);
        return mount;
    }

    [Fact]
    public async Task A_read_only_audited_root_with_the_default_state_folder_says_to_pass_state()
    {
        var disk = Mount("ro", 1024);
        var root = Directory.CreateDirectory(Path.Combine(disk.Path, "ws")).FullName;
        File.WriteAllText(Path.Combine(root, "a.py"), "print(1)\n");
        disk.MakeReadOnly();

        var (code, _, err) = await CliRunner.RunAsync("run", Plan, "--root", root, "--output", Path.Combine(_dir, "out"));

        Assert.True(code == 2, err);
        Assert.True(err.Contains($"journal {Path.Combine(root, ".muster", "journal.db")} cannot be written: it or its folder is read-only", StringComparison.Ordinal), err);
        Assert.True(err.Contains("pass --state DIR on a writable disk", StringComparison.Ordinal), err);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_journal_fails_audit_and_resume_with_the_fix()
    {
        var state = Path.Combine(_dir, "state");
        var (made, _, madeErr) = await CliRunner.RunAsync("run", Plan, "--root", Workspace, "--state", state, "--output", Path.Combine(_dir, "out0"));
        Assert.True(made == 0, madeErr);
        string runId;
        using (var reader = JournalReader.Open(state)) runId = reader.ListRuns().Single().RunId;
        var disk = Mount("ro", 4096);
        File.Copy(Path.Combine(state, "journal.db"), Path.Combine(disk.Path, "journal.db"));
        disk.MakeReadOnly();

        var audit = await CliRunner.RunAsync("audit", Workspace, "--state", disk.Path, "--output", Path.Combine(_dir, "out1"));
        var resume = await CliRunner.RunAsync("resume", runId, "--state", disk.Path, "--output", Path.Combine(_dir, "out2"));

        foreach (var (code, _, err) in new[] { audit, resume })
        {
            Assert.True(code == 2, err);
            Assert.True(err.Contains($"journal {Path.Combine(disk.Path, "journal.db")} cannot be", StringComparison.Ordinal), err);
            Assert.True(err.Contains("read-only", StringComparison.Ordinal), err);
            Assert.True(err.Contains("--state DIR", StringComparison.Ordinal), err);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_full_disk_under_the_journal_is_an_input_error_naming_the_disk()
    {
        var disk = Mount("full", 48);

        var (code, _, err) = await CliRunner.RunAsync("run", Plan, "--root", Workspace, "--state", disk.Path, "--output", Path.Combine(_dir, "out"));

        Assert.True(code == 2, err);
        Assert.True(err.Contains($"journal {Path.Combine(disk.Path, "journal.db")} cannot be written: the disk is full", StringComparison.Ordinal), err);
        Assert.True(err.Contains("free space, or pass --state DIR on another disk", StringComparison.Ordinal), err);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_disk_under_the_reports_is_an_input_error_and_the_run_is_not_left_running()
    {
        var disk = Mount("reports", 8);
        var state = Path.Combine(_dir, "state");

        var (code, _, err) = await CliRunner.RunAsync("run", Plan, "--root", Workspace, "--state", state, "--output", Path.Combine(disk.Path, "out"));

        Assert.True(code == 2, err);
        Assert.True(err.Contains("error: the disk is full: ", StringComparison.Ordinal), err);
        Assert.True(err.Contains("--output DIR on another disk", StringComparison.Ordinal), err);
        using var reader = JournalReader.Open(state);
        Assert.NotEqual("running", reader.ListRuns().Single().Status);
    }

    [Fact]
    public async Task A_read_only_report_folder_marks_the_run_failed_with_the_reason()
    {
        var disk = Mount("roout", 256);
        disk.MakeReadOnly();
        var state = Path.Combine(_dir, "state");

        var (code, _, err) = await CliRunner.RunAsync("run", Plan, "--root", Workspace, "--state", state, "--output", Path.Combine(disk.Path, "out"));

        Assert.True(code == 2, err);
        Assert.True(err.Contains("error: cannot write: ", StringComparison.Ordinal), err);
        using var reader = JournalReader.Open(state);
        var run = reader.ListRuns().Single();
        Assert.Equal("failed", run.Status);
        Assert.Contains("Read-only file system", run.StopReason, StringComparison.Ordinal);
    }
}
