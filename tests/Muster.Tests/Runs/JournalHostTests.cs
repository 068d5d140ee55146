using Microsoft.Data.Sqlite;
using Muster.Engine.Journal;

namespace Muster.Tests.Runs;

public sealed class JournalHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-journal-host-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_schema_2_journal_reads_with_no_host_and_the_next_writer_adds_the_column()
    {
        // A journal as the Muster before issue 17 wrote it: schema 2 (runs.purpose), agents without a host column.
        var path = Path.Combine(_dir, RunJournal.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = JournalSchema.Create + """
                ALTER TABLE runs ADD COLUMN purpose TEXT; UPDATE meta SET value='2' WHERE key='schema_version';
                INSERT INTO runs(id, plan_name, plan_source, plan_text, root, parameters, status, started_at, purpose)
                VALUES ('r1', 'p', '/w/plan.yaml', '', '/w', '{}', 'completed', '2026-01-01T00:00:00Z', 'run');
                INSERT INTO agents(run_id, agent_id, wave_idx, kind, role, state, attempts, duration_ms, went_overdue, reused, summary, metrics, updated_at)
                VALUES ('r1', 'a', 0, 'noop', 'scanner', 'succeeded', 1, 5, 0, 0, 'done', '{}', '2026-01-01T00:00:01Z');
                """;
            command.ExecuteNonQuery();
        }
        using (var reader = JournalReader.Open(_dir))
        {
            var agent = Assert.Single(reader.LoadAgents("r1"));
            Assert.Equal(("done", null), (agent.Result.Summary, agent.Result.Host));
        }

        await using (RunJournal.Open(_dir))
        {
        }

        using (var reader = JournalReader.Open(_dir))
        {
            Assert.Null(Assert.Single(reader.LoadAgents("r1")).Result.Host);
        }
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key='schema_version'";
        Assert.Equal("3", version.ExecuteScalar());
        Assert.True(JournalSchema.HasColumn(check, "agents", "host"));
    }
}
