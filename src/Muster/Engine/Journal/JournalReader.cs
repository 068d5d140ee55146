using System.Globalization;
using Microsoft.Data.Sqlite;
using Muster.Model;

namespace Muster.Engine.Journal;

/// <summary>Reads runs back from a journal, also while another process is writing it (WAL readers never block).</summary>
public sealed class JournalReader : IDisposable
{
    private readonly SqliteConnection _connection;

    private readonly string _path;
    private readonly string _runColumns;
    private readonly string _agentHost;

    private JournalReader(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
        // A schema-1 journal (not yet migrated by a writer) has no purpose column; its runs' purposes are inferred.
        _runColumns = "id, plan_name, plan_source, plan_text, root, parameters, status, stop_reason, started_at, finished_at, pid, "
                      + (JournalSchema.HasColumn(connection, "runs", "purpose") ? "purpose" : "NULL");
        // Before schema 3 no host was recorded.
        _agentHost = JournalSchema.HasColumn(connection, "agents", "host") ? "host" : "NULL";
    }

    /// <exception cref="FileNotFoundException">No journal in that folder.</exception>
    /// <exception cref="JournalException">The file is not a readable Muster journal (also thrown by every read).</exception>
    public static JournalReader Open(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, RunJournal.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"no Muster journal at {path}", path);
        if (new FileInfo(path).Length == 0) throw new JournalException($"journal {path} is not a readable Muster journal (the file is empty): move it aside or pass --state DIR");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout=10000;";
            busy.ExecuteNonQuery();
            // Reading the schema catches a foreign or damaged file here rather than halfway through a command.
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT count(*) FROM runs";
            probe.ExecuteScalar();
            return new JournalReader(connection, path);
        }
        catch (Exception e) when (JournalException.IsEnvironmental(e))
        {
            connection.Dispose();
            throw JournalException.Unreadable(path, e);
        }
    }

    public IReadOnlyList<RunRecord> ListRuns() => Guard(ReadRuns);

    public RunRecord? FindRun(string runId) => Guard(() => ReadRunById(runId));

    /// <summary>Every agent of the run as last recorded, with findings and artifacts.</summary>
    public IReadOnlyList<AgentOutcome> LoadAgents(string runId) => Guard(() => ReadAgents(runId));

    public IReadOnlyList<WaveOutcome> LoadWaves(string runId) => Guard(() => ReadWaves(runId));

    /// <summary>The last state transition note of each agent (e.g. why it is overdue).</summary>
    public IReadOnlyDictionary<string, (string State, DateTimeOffset At, string? Note)> LastTransitions(string runId) => Guard(() => ReadTransitions(runId));

    /// <summary>Rebuilds a run's outcome from the journal (for reports of a finished run, and diffs).</summary>
    public RunOutcome? LoadOutcome(string runId) => Guard(() => ReadOutcome(runId));

    /// <summary>Process groups the run's command agents started and were not seen to end (none in a journal older than the table).</summary>
    public IReadOnlyList<ChildGroupRecord> LoadChildGroups(string runId) => Guard(() => ReadChildGroups(runId));

    /// <summary>A damaged page or row can surface on any read, not only at open: each becomes the same one-line error.</summary>
    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (JournalException.IsEnvironmental(e))
        {
            throw JournalException.Unreadable(_path, e);
        }
    }

    private List<RunRecord> ReadRuns()
    {
        var runs = new List<RunRecord>();
        using var reader = Query($"SELECT {_runColumns} FROM runs ORDER BY started_at, id");
        while (reader.Read()) runs.Add(ReadRun(reader));
        return runs;
    }

    private RunRecord? ReadRunById(string runId)
    {
        using var reader = Query($"SELECT {_runColumns} FROM runs WHERE id=$id", ("$id", runId));
        return reader.Read() ? ReadRun(reader) : null;
    }

    private List<AgentOutcome> ReadAgents(string runId)
    {
        var findings = LoadFindings(runId);
        var artifacts = LoadArtifacts(runId);
        var agents = new List<AgentOutcome>();
        using var reader = Query($"""
            SELECT agent_id, wave_idx, kind, role, state, attempts, started_at, finished_at, duration_ms, went_overdue, reused, error, summary, metrics, {_agentHost}
            FROM agents WHERE run_id=$run ORDER BY wave_idx, rowid
            """, ("$run", runId));
        while (reader.Read())
        {
            var id = reader.GetString(0);
            agents.Add(new AgentOutcome
            {
                AgentId = id,
                WaveIndex = reader.GetInt32(1),
                Kind = reader.GetString(2),
                Role = Enum.Parse<AgentRole>(reader.GetString(3), ignoreCase: true),
                State = AgentStateText.Parse(reader.GetString(4)),
                Attempts = reader.GetInt32(5),
                StartedAt = Time(reader, 6),
                FinishedAt = Time(reader, 7),
                Duration = TimeSpan.FromMilliseconds(reader.GetDouble(8)),
                WentOverdue = reader.GetInt32(9) != 0,
                Reused = reader.GetInt32(10) != 0,
                Error = reader.IsDBNull(11) ? null : reader.GetString(11),
                Result = new AgentResult
                {
                    Summary = reader.GetString(12),
                    Metrics = JournalJson.Read<Dictionary<string, double>>(reader.GetString(13)),
                    Findings = findings.TryGetValue(id, out var f) ? f : [],
                    Artifacts = artifacts.TryGetValue(id, out var a) ? a : [],
                    Host = reader.IsDBNull(14) ? null : reader.GetString(14),
                },
            });
        }
        return agents;
    }

    private List<WaveOutcome> ReadWaves(string runId)
    {
        var waves = new List<WaveOutcome>();
        using var reader = Query("SELECT idx, name, status, criteria, continue_on_fail, started_at, finished_at FROM waves WHERE run_id=$run ORDER BY idx", ("$run", runId));
        while (reader.Read())
        {
            waves.Add(new WaveOutcome
            {
                Index = reader.GetInt32(0),
                Name = reader.GetString(1),
                Status = Enum.Parse<WaveStatus>(reader.GetString(2), ignoreCase: true),
                Criteria = JournalJson.Read<List<CriterionResult>>(reader.GetString(3)),
                ContinueOnFail = reader.GetInt32(4) != 0,
                StartedAt = Time(reader, 5),
                FinishedAt = Time(reader, 6),
            });
        }
        return waves;
    }

    private Dictionary<string, (string, DateTimeOffset, string?)> ReadTransitions(string runId)
    {
        var result = new Dictionary<string, (string, DateTimeOffset, string?)>(StringComparer.Ordinal);
        using var reader = Query("SELECT agent_id, state, at, note FROM transitions WHERE run_id=$run ORDER BY rowid", ("$run", runId));
        while (reader.Read())
        {
            result[reader.GetString(0)] = (reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
        return result;
    }

    private RunOutcome? ReadOutcome(string runId)
    {
        var run = ReadRunById(runId);
        if (run is null) return null;
        return new RunOutcome
        {
            RunId = run.RunId,
            PlanName = run.PlanName,
            Root = run.Root,
            Status = Enum.TryParse<RunStatus>(run.Status, ignoreCase: true, out var s) ? s : RunStatus.Interrupted,
            StopReason = run.StopReason,
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt,
            Waves = ReadWaves(runId),
            Agents = ReadAgents(runId),
        };
    }

    private Dictionary<string, List<Finding>> LoadFindings(string runId)
    {
        var result = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        using var reader = Query("SELECT agent_id, json FROM findings WHERE run_id=$run ORDER BY agent_id, seq", ("$run", runId));
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var list)) result[id] = list = [];
            list.Add(JournalJson.Read<Finding>(reader.GetString(1)));
        }
        return result;
    }

    private Dictionary<string, List<Artifact>> LoadArtifacts(string runId)
    {
        var result = new Dictionary<string, List<Artifact>>(StringComparer.Ordinal);
        using var reader = Query("SELECT agent_id, name, media_type, content FROM artifacts WHERE run_id=$run ORDER BY agent_id, name", ("$run", runId));
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var list)) result[id] = list = [];
            list.Add(new Artifact(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return result;
    }

    private List<ChildGroupRecord> ReadChildGroups(string runId)
    {
        var groups = new List<ChildGroupRecord>();
        if (!HasTable("child_groups")) return groups;
        using var reader = Query("SELECT agent_id, pgid, start_time FROM child_groups WHERE run_id=$run ORDER BY rowid", ("$run", runId));
        while (reader.Read()) groups.Add(new ChildGroupRecord(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)));
        return groups;
    }

    private bool HasTable(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type='table' AND name=$name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() is not null;
    }

    private static RunRecord ReadRun(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        JournalJson.Read<Dictionary<string, string>>(r.GetString(5)), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture), Time(r, 9), r.IsDBNull(10) ? null : r.GetInt32(10))
    {
        Purpose = RunPurposeText.FromJournal(r.IsDBNull(11) ? null : r.GetString(11), r.GetString(2)),
    };

    private static DateTimeOffset? Time(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    private SqliteDataReader Query(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteReader(System.Data.CommandBehavior.Default);
    }

    public void Dispose() => _connection.Dispose();
}
