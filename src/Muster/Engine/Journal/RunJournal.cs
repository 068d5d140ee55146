using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Muster.Engine.Plans;
using Muster.Model;

namespace Muster.Engine.Journal;

/// <summary>
/// The durable record of runs: SQLite in WAL mode under the state folder. Writes go through one background writer that
/// commits whatever is queued in a single transaction (group commit), so thousands of agents cost a few hundred
/// commits; an agent's outcome is acknowledged only once committed, so a SIGKILL never loses a finished agent.
/// </summary>
public sealed partial class RunJournal : IRunObserver, IAsyncDisposable
{
    public const string FileName = "journal.db";

    private readonly SqliteConnection _connection;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private Exception? _writerFault;
    private string _runId = "";

    private sealed record Write(Action<SqliteConnection, SqliteTransaction> Apply, TaskCompletionSource? Done);

    private readonly TimeProvider _time;

    // Touched only by the writer loop.
    private bool _outcomesMayExist = true;
    private readonly HashSet<string> _savedOutcomes = new(StringComparer.Ordinal);

    private RunJournal(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        _writer = Task.Run(WriteLoopAsync);
    }

    public string Path { get; private init; } = "";

    /// <param name="time">The engine's clock, for the times the journal stamps itself (a wave's start); default: the system clock.</param>
    /// <exception cref="JournalException">The folder or file cannot be created or written, or the file is not a journal.</exception>
    public static RunJournal Open(string stateDirectory, TimeProvider? time = null)
    {
        var path = System.IO.Path.Combine(stateDirectory, FileName);
        try
        {
            Directory.CreateDirectory(stateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw JournalException.Unwritable(path, e);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout=10000;");
            Execute(connection, JournalSchema.Create);
            JournalSchema.Migrate(connection);
            // WAL + NORMAL survives a killed process (only an OS crash can lose the last commits).
            Execute(connection, "PRAGMA synchronous=NORMAL;");
            // Rows are overwritten when a value found later in the run is redacted: zero what they leave behind. The
            // WAL's copies go when it is checkpointed with TRUNCATE on dispose.
            Execute(connection, "PRAGMA secure_delete=ON;");
        }
        catch (Exception e) when (JournalException.IsEnvironmental(e))
        {
            connection.Dispose();
            throw JournalException.Unwritable(path, e);
        }
        return new RunJournal(connection, time ?? TimeProvider.System) { Path = path };
    }

    /// <summary>Starts (or, for a resume, re-opens) a run's record.</summary>
    public Task BeginRunAsync(string runId, Plan plan, string root, IReadOnlyDictionary<string, string> parameters, DateTimeOffset startedAt,
        RunPurpose purpose = RunPurpose.Run)
    {
        _runId = runId;
        return EnqueueDurable((c, t) =>
        {
            _outcomesMayExist = Scalar(c, t,
                "SELECT EXISTS(SELECT 1 FROM findings WHERE run_id=$run) OR EXISTS(SELECT 1 FROM artifacts WHERE run_id=$run)", ("$run", runId)) != 0;
            _savedOutcomes.Clear();
            Run(c, t, """
                INSERT INTO runs(id, plan_name, plan_source, plan_text, root, parameters, status, started_at, pid, purpose)
                VALUES($id, $name, $source, $text, $root, $params, 'running', $started, $pid, $purpose)
                ON CONFLICT(id) DO UPDATE SET status='running', stop_reason=NULL, finished_at=NULL, pid=$pid
                """,
                ("$id", runId), ("$name", plan.Name), ("$source", plan.Source), ("$text", plan.Text), ("$root", root),
                ("$params", JournalJson.Write(parameters)), ("$started", Iso(startedAt)), ("$pid", Environment.ProcessId),
                ("$purpose", purpose.ToKey()));
        });
    }

    public ValueTask RunStartedAsync(RunOutcome run)
    {
        Enqueue((c, t) =>
        {
            foreach (var agent in run.Agents.Where(a => a.State == AgentState.Pending))
            {
                Run(c, t, """
                    INSERT OR IGNORE INTO agents(run_id, agent_id, wave_idx, kind, role, state, attempts, duration_ms, went_overdue, reused, summary, metrics, updated_at)
                    VALUES($run, $agent, $wave, $kind, $role, 'pending', 0, 0, 0, 0, '', '{}', $at)
                    """,
                    ("$run", run.RunId), ("$agent", agent.AgentId), ("$wave", agent.WaveIndex), ("$kind", agent.Kind),
                    ("$role", agent.Role.ToString().ToLowerInvariant()), ("$at", Iso(run.StartedAt)));
            }
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note)
    {
        var runId = _runId;
        Enqueue((c, t) =>
        {
            Run(c, t, "INSERT INTO transitions(run_id, agent_id, attempt, state, at, note) VALUES($run, $agent, $attempt, $state, $at, $note)",
                ("$run", runId), ("$agent", agentId), ("$attempt", attempt), ("$state", state.ToLabel()), ("$at", Iso(at)), ("$note", note));
            Run(c, t, """
                UPDATE agents SET state=$state, attempts=MAX(attempts, $attempt), updated_at=$at,
                    started_at=COALESCE(started_at, $at), went_overdue=MAX(went_overdue, $overdue)
                WHERE run_id=$run AND agent_id=$agent
                """,
                ("$run", runId), ("$agent", agentId), ("$attempt", attempt), ("$state", state.ToLabel()), ("$at", Iso(at)),
                ("$overdue", state == AgentState.Overdue ? 1 : 0));
        });
        return ValueTask.CompletedTask;
    }

    public void AgentPlaced(string agentId, int attempt, string host)
    {
        var runId = _runId;
        Enqueue((c, t) => Run(c, t, "UPDATE agents SET host=$host WHERE run_id=$run AND agent_id=$agent",
            ("$run", runId), ("$agent", agentId), ("$host", host)));
    }

    public ValueTask AgentFinishedAsync(AgentOutcome outcome)
    {
        var runId = _runId;
        var now = _time.GetUtcNow();
        return new ValueTask(EnqueueDurable((c, t) =>
        {
            // A fresh run's agent has no findings to replace until its first outcome: skipping the two deletes is a
            // third of the writer's work for agents that find nothing. A resumed run (or a re-save) always replaces.
            var replace = _outcomesMayExist || !_savedOutcomes.Add(outcome.AgentId);
            SaveOutcome(c, t, runId, outcome, now, replace);
        }));
    }

    public ValueTask WaveFinishedAsync(WaveOutcome wave, RunOutcome runSoFar) => new(SaveWaveAsync(wave));

    public ValueTask WaveStartedAsync(WavePlan wave)
    {
        var runId = _runId;
        Enqueue((c, t) => Run(c, t, """
            INSERT INTO waves(run_id, idx, name, status, criteria, continue_on_fail, started_at) VALUES($run, $idx, $name, 'running', '[]', $cont, $at)
            ON CONFLICT(run_id, idx) DO UPDATE SET status='running', started_at=$at
            """, ("$run", runId), ("$idx", wave.Index), ("$name", wave.Name), ("$cont", wave.ContinueOnFail ? 1 : 0), ("$at", Iso(_time.GetUtcNow()))));
        return ValueTask.CompletedTask;
    }

    public async ValueTask RunFinishedAsync(RunOutcome run)
    {
        foreach (var wave in run.Waves.Where(w => w.Status is WaveStatus.Skipped)) await SaveWaveAsync(wave);
        await EnqueueDurable((c, t) => Run(c, t, "UPDATE runs SET status=$status, stop_reason=$reason, finished_at=$at WHERE id=$id",
            ("$id", run.RunId), ("$status", run.Status.ToString().ToLowerInvariant()), ("$reason", run.StopReason),
            ("$at", Iso(run.FinishedAt ?? _time.GetUtcNow()))));
    }

    /// <summary>Records that the run ended on an error it could not handle, so it is never left 'running'.</summary>
    public Task RunFailedAsync(string runId, string reason, DateTimeOffset at) =>
        EnqueueDurable((c, t) => Run(c, t, "UPDATE runs SET status='failed', stop_reason=$reason, finished_at=$at WHERE id=$id AND status='running'",
            ("$id", runId), ("$reason", reason), ("$at", Iso(at))));

    /// <summary>
    /// Records that the step after the run (gaps, gates, reports) failed: the run is failed even though its agents
    /// finished, so it is never shown completed without its reports, and <c>muster resume</c> redoes that step.
    /// An interrupted run stays interrupted (it is resumable already).
    /// </summary>
    public Task AfterRunFailedAsync(string runId, string reason, DateTimeOffset at) =>
        EnqueueDurable((c, t) => Run(c, t, "UPDATE runs SET status='failed', stop_reason=$reason, finished_at=$at WHERE id=$id AND status IN ('running', 'completed', 'stopped')",
            ("$id", runId), ("$reason", reason), ("$at", Iso(at))));

    /// <summary>Waits until everything queued so far is committed.</summary>
    public Task FlushAsync() => EnqueueDurable((_, _) => { });

    private Task SaveWaveAsync(WaveOutcome wave)
    {
        var runId = _runId;
        return EnqueueDurable((c, t) => Run(c, t, """
            INSERT INTO waves(run_id, idx, name, status, criteria, continue_on_fail, started_at, finished_at)
            VALUES($run, $idx, $name, $status, $criteria, $cont, $started, $finished)
            ON CONFLICT(run_id, idx) DO UPDATE SET status=$status, criteria=$criteria, finished_at=$finished
            """,
            ("$run", runId), ("$idx", wave.Index), ("$name", wave.Name), ("$status", wave.Status.ToString().ToLowerInvariant()),
            ("$criteria", JournalJson.Write(wave.Criteria)), ("$cont", wave.ContinueOnFail ? 1 : 0),
            ("$started", wave.StartedAt is { } s ? Iso(s) : null), ("$finished", wave.FinishedAt is { } f ? Iso(f) : null)));
    }

    private static void SaveOutcome(SqliteConnection c, SqliteTransaction t, string runId, AgentOutcome o, DateTimeOffset now, bool replace)
    {
        Run(c, t, """
            INSERT INTO agents(run_id, agent_id, wave_idx, kind, role, state, attempts, started_at, finished_at, duration_ms,
                went_overdue, reused, error, summary, metrics, updated_at, host)
            VALUES($run, $agent, $wave, $kind, $role, $state, $attempts, $started, $finished, $duration, $overdue, $reused, $error, $summary, $metrics, $at, $host)
            ON CONFLICT(run_id, agent_id) DO UPDATE SET state=$state, attempts=$attempts, started_at=$started, finished_at=$finished,
                duration_ms=$duration, went_overdue=$overdue, reused=$reused, error=$error, summary=$summary, metrics=$metrics, updated_at=$at,
                host=COALESCE($host, host)
            """,
            ("$run", runId), ("$agent", o.AgentId), ("$wave", o.WaveIndex), ("$kind", o.Kind), ("$role", o.Role.ToString().ToLowerInvariant()),
            ("$state", o.State.ToLabel()), ("$attempts", o.Attempts), ("$started", o.StartedAt is { } s ? Iso(s) : null),
            ("$finished", o.FinishedAt is { } f ? Iso(f) : null), ("$duration", o.Duration.TotalMilliseconds), ("$overdue", o.WentOverdue ? 1 : 0),
            ("$reused", o.Reused ? 1 : 0), ("$error", o.Error), ("$summary", o.Result.Summary), ("$metrics", JournalJson.Write(o.Result.Metrics)),
            ("$at", Iso(o.FinishedAt ?? now)), ("$host", o.Result.Host));
        if (replace)
        {
            Run(c, t, "DELETE FROM findings WHERE run_id=$run AND agent_id=$agent", ("$run", runId), ("$agent", o.AgentId));
            Run(c, t, "DELETE FROM artifacts WHERE run_id=$run AND agent_id=$agent", ("$run", runId), ("$agent", o.AgentId));
        }
        var seq = 0;
        foreach (var finding in o.Result.Findings)
        {
            Run(c, t, "INSERT INTO findings(run_id, agent_id, seq, fingerprint, rule_id, severity, json) VALUES($run, $agent, $seq, $fp, $rule, $sev, $json)",
                ("$run", runId), ("$agent", o.AgentId), ("$seq", seq++), ("$fp", finding.Fingerprint), ("$rule", finding.RuleId),
                ("$sev", finding.Severity.ToLabel()), ("$json", JournalJson.Write(finding)));
        }
        foreach (var artifact in o.Result.Artifacts.DistinctBy(a => a.Name))
        {
            Run(c, t, "INSERT INTO artifacts(run_id, agent_id, name, media_type, content) VALUES($run, $agent, $name, $type, $content)",
                ("$run", runId), ("$agent", o.AgentId), ("$name", artifact.Name), ("$type", artifact.MediaType), ("$content", artifact.Content));
        }
    }

    private void Enqueue(Action<SqliteConnection, SqliteTransaction> apply) => _queue.Writer.TryWrite(new Write(apply, null));

    private Task EnqueueDurable(Action<SqliteConnection, SqliteTransaction> apply)
    {
        if (_writerFault is { } fault) return Task.FromException(fault);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Write(apply, done))) done.SetException(new ObjectDisposedException(nameof(RunJournal)));
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Write>(1024);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < 4096 && _queue.Reader.TryRead(out var write)) batch.Add(write);
            try
            {
                using var transaction = _connection.BeginTransaction();
                foreach (var write in batch) write.Apply(_connection, transaction);
                transaction.Commit();
                foreach (var write in batch) write.Done?.TrySetResult();
            }
            catch (Exception e)
            {
                _writerFault = JournalException.Unwritable(Path, e);
                foreach (var write in batch) write.Done?.TrySetException(_writerFault);
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (PreparedCommands.TryGetValue(_connection, out var cache))
        {
            foreach (var command in cache.Values) await command.DisposeAsync();
        }
        try
        {
            Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
            // A full or read-only disk: the commits stay in the WAL file, which the next open replays.
        }
        await _connection.DisposeAsync();
    }

    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement on the writer thread, reusing its prepared command (statements repeat thousands of times).</summary>
    private static void Run(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, object? Value)[] parameters)
    {
        var cache = PreparedCommands.TryGetValue(c, out var existing) ? existing : PreparedCommands.GetValue(c, _ => new Dictionary<string, SqliteCommand>());
        if (!cache.TryGetValue(sql, out var command))
        {
            command = c.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            cache[sql] = command;
        }
        command.Transaction = t;
        foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.Transaction = t;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> PreparedCommands = new();
}
