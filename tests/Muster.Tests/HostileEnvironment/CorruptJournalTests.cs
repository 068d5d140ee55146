namespace Muster.Tests.HostileEnvironment;

/// <summary>A damaged journal.db is an input error on every command that reads or writes it: one line, exit 2, never a crash.</summary>
public sealed class CorruptJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-badjournal-").FullName;
    private string Workspace => Path.Combine(_dir, "ws");
    private string Plan => Path.Combine(_dir, "plan.yaml");
    private string State => Path.Combine(_dir, "state");
    private string Journal => Path.Combine(State, "journal.db");

    public CorruptJournalTests()
    {
        Directory.CreateDirectory(Workspace);
        File.WriteAllText(Path.Combine(Workspace, "app.py"), "print('hi')\n");
        File.WriteAllText(Plan, "name: drill\ngates: {security: off, type-check: off, tests: off, documentation: off}\nwaves:\n  - name: one\n    agents:\n      - {id: n1, kind: noop}\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var damage in (string[])["garbage", "truncated-header", "truncated-page", "foreign-header", "scrambled-schema"])
        {
            foreach (var command in (string[])["runs", "status", "diff", "resume", "run", "audit"]) data.Add(damage, command);
        }
        foreach (var command in (string[])["runs", "status", "diff", "resume"]) data.Add("empty", command);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_damaged_journal_is_a_one_line_input_error(string damage, string command)
    {
        await MakeJournalWithTwoRunsAsync();
        Damage(damage);

        var (code, _, err) = await CliRunner.RunAsync(Args(command));

        Assert.True(code == 2, $"exit {code}:\n{err}");
        Assert.Contains($"journal {Journal} is not a readable Muster journal (", err, StringComparison.Ordinal);
        Assert.Contains("): move it aside or pass --state DIR", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_journal_file_is_started_afresh_by_a_run()
    {
        Directory.CreateDirectory(State);
        File.WriteAllBytes(Journal, []);

        var (code, _, err) = await CliRunner.RunAsync(Args("run"));

        Assert.True(code == 0, err);
        var (listed, runs, _) = await CliRunner.RunAsync("runs", "--state", State);
        Assert.Equal(0, listed);
        Assert.Contains("drill", runs, StringComparison.Ordinal);
    }

    private string[] Args(string command) => command switch
    {
        "resume" => ["resume", "20990101-000000-abcd", "--state", State],
        "run" => ["run", Plan, "--root", Workspace, "--state", State, "--output", Path.Combine(_dir, "out")],
        "audit" => ["audit", Workspace, "--state", State, "--output", Path.Combine(_dir, "out")],
        _ => [command, "--state", State],
    };

    private async Task MakeJournalWithTwoRunsAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            var (code, _, err) = await CliRunner.RunAsync("run", Plan, "--root", Workspace, "--state", State, "--output", Path.Combine(_dir, $"out{i}"));
            Assert.True(code == 0, err);
        }
        Assert.True(new FileInfo(Journal).Length > 8192);
    }

    private void Damage(string how)
    {
        var bytes = File.ReadAllBytes(Journal);
        var random = new Random(20);
        switch (how)
        {
            case "empty": bytes = []; break;
            case "garbage": random.NextBytes(bytes); break;
            case "truncated-header": bytes = bytes[..100]; break;
            case "truncated-page": bytes = bytes[..4200]; break;
            case "foreign-header": "NotSQLite format"u8.CopyTo(bytes); break;
            case "scrambled-schema": random.NextBytes(bytes.AsSpan(100, 3000)); break;
        }
        File.WriteAllBytes(Journal, bytes);
    }
}
