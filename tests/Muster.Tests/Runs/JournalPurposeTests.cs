using Microsoft.Data.Sqlite;
using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Tests.Runs;

public sealed class JournalPurposeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-journal-purpose-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_schema_1_journal_is_read_with_inferred_purposes_and_migrated_by_the_next_writer()
    {
        // A journal as Muster 0.1.0 wrote it: the schema-1 tables, no purpose column.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, RunJournal.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = JournalSchema.Create + """
                INSERT INTO runs(id, plan_name, plan_source, plan_text, root, parameters, status, started_at)
                VALUES ('r1', 'audit', 'built-in:audit', '', '/w', '{}', 'completed', '2026-01-01T00:00:00Z'),
                       ('r2', 'baseline', 'built-in:baseline', '', '/w', '{}', 'completed', '2026-01-02T00:00:00Z'),
                       ('r3', 'mine', '/w/plan.yaml', '', '/w', '{}', 'completed', '2026-01-03T00:00:00Z');
                """;
            command.ExecuteNonQuery();
        }
        RunPurpose[] inferred = [RunPurpose.Audit, RunPurpose.Baseline, RunPurpose.Run];
        using (var reader = JournalReader.Open(_dir))
        {
            Assert.Equal(inferred, reader.ListRuns().Select(r => r.Purpose));
        }

        await using (RunJournal.Open(_dir))
        {
        }

        using (var reader = JournalReader.Open(_dir))
        {
            Assert.Equal(inferred, reader.ListRuns().Select(r => r.Purpose));
        }
        using var check = new SqliteConnection($"Data Source={Path.Combine(_dir, RunJournal.FileName)};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key='schema_version'";
        Assert.Equal("3", version.ExecuteScalar()); // migrated through every version, not only to the purpose column
        Assert.True(JournalSchema.HasColumn(check, "runs", "purpose"));
    }

    [Fact]
    public async Task A_run_records_its_purpose_and_a_resume_keeps_it()
    {
        var harness = new Muster.Tests.Engine.EngineHarness().Kind("ok", (_, _) => Task.FromResult(Muster.Model.AgentResult.Empty("ok")));
        var host = new RunHost(harness.Registry, new EngineOptions(), Muster.Agents.NoSecretScrubber.Instance);
        var plan = harness.Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: a, kind: ok}]\n");

        await host.StartAsync(plan, _dir, _dir, new Dictionary<string, string>(), [], CancellationToken.None, "base", RunPurpose.Baseline);
        await host.ResumeAsync("base", _dir, [], CancellationToken.None);

        using var reader = JournalReader.Open(_dir);
        Assert.Equal(RunPurpose.Baseline, reader.FindRun("base")!.Purpose);
    }
}
