using Microsoft.Data.Sqlite;

namespace Muster.Engine.Journal;

internal static class JournalSchema
{
    /// <summary>
    /// 2 added <c>runs.purpose</c> (audit, run, baseline); 3 added <c>agents.host</c> (where an agent ran, null in rows
    /// written before). Older journals are migrated when opened for writing; readers accept every version. The
    /// <c>child_groups</c> table (command agents' live process groups) is created on every open for writing, so an older
    /// journal gains it without a version change and readers treat its absence as "none recorded".
    /// </summary>
    public const int Version = 3;

    public const string Create = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
            id TEXT PRIMARY KEY, plan_name TEXT NOT NULL, plan_source TEXT NOT NULL, plan_text TEXT NOT NULL,
            root TEXT NOT NULL, parameters TEXT NOT NULL, status TEXT NOT NULL, stop_reason TEXT,
            started_at TEXT NOT NULL, finished_at TEXT, pid INTEGER);
        CREATE TABLE IF NOT EXISTS waves(
            run_id TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, criteria TEXT NOT NULL,
            continue_on_fail INTEGER NOT NULL, started_at TEXT, finished_at TEXT, PRIMARY KEY(run_id, idx));
        CREATE TABLE IF NOT EXISTS agents(
            run_id TEXT NOT NULL, agent_id TEXT NOT NULL, wave_idx INTEGER NOT NULL, kind TEXT NOT NULL, role TEXT NOT NULL,
            state TEXT NOT NULL, attempts INTEGER NOT NULL, started_at TEXT, finished_at TEXT, duration_ms REAL NOT NULL,
            went_overdue INTEGER NOT NULL, reused INTEGER NOT NULL, error TEXT, summary TEXT NOT NULL, metrics TEXT NOT NULL,
            updated_at TEXT NOT NULL, PRIMARY KEY(run_id, agent_id));
        CREATE TABLE IF NOT EXISTS transitions(
            run_id TEXT NOT NULL, agent_id TEXT NOT NULL, attempt INTEGER NOT NULL, state TEXT NOT NULL, at TEXT NOT NULL, note TEXT);
        CREATE INDEX IF NOT EXISTS transitions_by_agent ON transitions(run_id, agent_id);
        CREATE TABLE IF NOT EXISTS findings(
            run_id TEXT NOT NULL, agent_id TEXT NOT NULL, seq INTEGER NOT NULL, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL,
            severity TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(run_id, agent_id, seq));
        CREATE TABLE IF NOT EXISTS artifacts(
            run_id TEXT NOT NULL, agent_id TEXT NOT NULL, name TEXT NOT NULL, media_type TEXT NOT NULL, content TEXT NOT NULL,
            PRIMARY KEY(run_id, agent_id, name));
        CREATE TABLE IF NOT EXISTS child_groups(
            run_id TEXT NOT NULL, agent_id TEXT NOT NULL, pgid INTEGER NOT NULL, start_time INTEGER NOT NULL, recorded_at TEXT NOT NULL,
            PRIMARY KEY(run_id, pgid, start_time));
        INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');
        """;

    /// <summary>Brings a journal created by an older Muster to <see cref="Version"/>; new journals pass through it too.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        if (!HasColumn(connection, "runs", "purpose"))
        {
            Execute(connection, "ALTER TABLE runs ADD COLUMN purpose TEXT; UPDATE meta SET value='2' WHERE key='schema_version';");
        }
        if (!HasColumn(connection, "agents", "host"))
        {
            Execute(connection, "ALTER TABLE agents ADD COLUMN host TEXT; UPDATE meta SET value='3' WHERE key='schema_version';");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 FROM pragma_table_info('{table}') WHERE name=$column";
        command.Parameters.AddWithValue("$column", column);
        return command.ExecuteScalar() is not null;
    }
}
