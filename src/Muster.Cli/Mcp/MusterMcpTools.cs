using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using Muster.Agents.Dependencies;
using Muster.Agents.Dependencies.Osv;
using Muster.Agents.Preflight;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Gates;
using Muster.Model;
using Muster.Reports;
using Muster.Runs;
using Muster.Runs.Config;

namespace Muster.Cli.Mcp;

/// <summary>
/// The tools <c>muster mcp</c> serves. Runs start in the background and are waited for up to <c>wait_seconds</c>: a
/// short audit answers with its result, a long one with its run id to poll with <c>run_status</c>.
/// </summary>
internal sealed class MusterMcpTools(CliContext cli, McpRuns runs)
{
    private const int MaxWaitSeconds = 600;
    private const int MaxPageSize = 200;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    [Description("Start an audit of a workspace with the built-in plan. Waits up to wait_seconds for it to finish, then returns its result, or its run_id and status 'running' (poll with run_status).")]
    public Task<string> Audit(
        [Description("Workspace folder to audit (absolute, or relative to the server's working folder).")] string path,
        [Description("Seconds to wait for the run to finish before returning (0-600, default 120).")] int wait_seconds = 120,
        [Description("Start the workspace's MCP servers to verify them (runs programs named in its config files). Default false.")] bool start_mcp_servers = false,
        [Description("Journal folder (default PATH/.muster).")] string? state = null,
        [Description("Gate modes for this run, NAME=fail|warn|off comma-separated (e.g. 'type-check=off,tests=warn'); they win over the plan's, as --gate does.")] string? gates = null,
        [Description("Repository config file instead of the muster.yaml found from path upward to the git root (as --config).")] string? config = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(null, RunPurpose.Audit, path, wait_seconds, start_mcp_servers, state, gates, config, cancellationToken);

    [Description("Run a plan file over a workspace. Waits up to wait_seconds, then returns the result or the run_id with status 'running'.")]
    public Task<string> RunPlan(
        [Description("Plan YAML file.")] string plan,
        [Description("Workspace folder the plan runs over.")] string root,
        [Description("Seconds to wait for the run to finish before returning (0-600, default 120).")] int wait_seconds = 120,
        [Description("Start the workspace's MCP servers to verify them. Default false.")] bool start_mcp_servers = false,
        [Description("Journal folder (default ROOT/.muster).")] string? state = null,
        [Description("Gate modes for this run, NAME=fail|warn|off comma-separated (e.g. 'type-check=off,tests=warn'); they win over the plan's, as --gate does.")] string? gates = null,
        [Description("Repository config file instead of the muster.yaml found from root upward to the git root (as --config).")] string? config = null,
        CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(plan);
        if (!File.Exists(full)) throw new McpException($"no plan file at {full}");
        Plan parsed;
        try
        {
            parsed = new PlanParser(cli.Registry).ParseFile(full);
        }
        catch (PlanException e)
        {
            throw new McpException("the plan is invalid: " + string.Join("; ", e.Errors.Select(x => $"{x.File}:{x.Line}:{x.Column}: {x.Message}")));
        }
        return StartAsync(parsed, RunPurpose.Run, root, wait_seconds, start_mcp_servers, state, gates, config, cancellationToken);
    }

    [Description("A run's status and each agent's state (overdue agents included: still running past their soft timeout, not failed).")]
    public string RunStatus(
        [Description("Run id (from audit or run_plan). Default: the latest run in the journal.")] string? run_id = null,
        [Description("Workspace folder whose PATH/.muster journal holds the run (not needed for runs this server started).")] string? path = null,
        [Description("Journal folder, when not PATH/.muster.")] string? state = null)
    {
        var (reader, runId) = OpenRun(run_id, path, state);
        using (reader)
        {
            var run = reader.FindRun(runId)!;
            var notes = reader.LastTransitions(runId);
            var agents = reader.LoadAgents(runId);
            return Serialize(new
            {
                run_id = run.RunId,
                plan = run.PlanName,
                root = run.Root,
                status = run.Status,
                stop_reason = run.StopReason,
                started_at = run.StartedAt,
                finished_at = run.FinishedAt,
                counts = agents.GroupBy(a => a.State.ToLabel()).ToDictionary(g => g.Key, g => g.Count()),
                overdue = agents.Where(a => a.State == AgentState.Overdue).Select(a => a.AgentId).ToList(),
                agents = agents.Select(a => new
                {
                    id = a.AgentId,
                    kind = a.Kind,
                    wave = a.WaveIndex,
                    state = a.State.ToLabel(),
                    host = a.Result.Host,
                    went_overdue = a.WentOverdue,
                    attempts = a.Attempts,
                    duration_seconds = Math.Round(a.Duration.TotalSeconds, 1),
                    findings = a.Result.Findings.Count,
                    summary = a.Result.Summary is { Length: > 0 } s ? cli.Scrubber.Scrub(s) : null,
                    error = a.Error is null ? null : cli.Scrubber.Scrub(a.Error),
                    note = notes.TryGetValue(a.AgentId, out var n) ? n.Note : null,
                }).ToList(),
            });
        }
    }

    [Description("A run's findings (gaps), worst first, filtered and paged. Secrets are redacted; use get_finding for evidence.")]
    public string ListFindings(
        [Description("Run id. Default: the latest run in the journal.")] string? run_id = null,
        [Description("Workspace folder whose PATH/.muster journal holds the run.")] string? path = null,
        [Description("Journal folder, when not PATH/.muster.")] string? state = null,
        [Description("Only findings at or above this severity: CRITICAL, HIGH, MEDIUM, LOW, INFO.")] string? min_severity = null,
        [Description("Only this category (e.g. secrets, agents, preflight).")] string? category = null,
        [Description("Only findings whose file path starts with this (root-relative, '/' separators).")] string? path_prefix = null,
        [Description("Only this rule id.")] string? rule = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Findings per page (1-200, default 50).")] int page_size = 50)
    {
        Severity? threshold = null;
        if (min_severity is { Length: > 0 })
        {
            threshold = SeverityText.TryParse(min_severity, out var s) ? s : throw new McpException($"min_severity must be CRITICAL, HIGH, MEDIUM, LOW or INFO, not '{min_severity}'");
        }
        if (page < 1) throw new McpException("page starts at 1");
        page_size = Math.Clamp(page_size, 1, MaxPageSize);
        var (reader, runId) = OpenRun(run_id, path, state);
        using (reader)
        {
            var matching = reader.LoadOutcome(runId)!.Findings
                .Where(f => threshold is null || f.Severity >= threshold)
                .Where(f => category is not { Length: > 0 } || f.Category.Equals(category, StringComparison.OrdinalIgnoreCase))
                .Where(f => rule is not { Length: > 0 } || f.RuleId.Equals(rule, StringComparison.OrdinalIgnoreCase))
                .Where(f => path_prefix is not { Length: > 0 } || (f.Location?.Path.StartsWith(path_prefix, StringComparison.Ordinal) ?? false))
                .ToList();
            return Serialize(new
            {
                run_id = runId,
                total = matching.Count,
                page,
                page_size,
                pages = (matching.Count + page_size - 1) / page_size,
                findings = matching.Skip((page - 1) * page_size).Take(page_size).Select(f => McpFindingView.Summary(f, cli.Scrubber)).ToList(),
            });
        }
    }

    [Description("One finding by fingerprint, with its redacted evidence, remediation and properties.")]
    public string GetFinding(
        [Description("The finding's fingerprint (from list_findings).")] string fingerprint,
        [Description("Run id. Default: the latest run in the journal.")] string? run_id = null,
        [Description("Workspace folder whose PATH/.muster journal holds the run.")] string? path = null,
        [Description("Journal folder, when not PATH/.muster.")] string? state = null)
    {
        var (reader, runId) = OpenRun(run_id, path, state);
        using (reader)
        {
            var finding = reader.LoadOutcome(runId)!.Findings.FirstOrDefault(f => f.Fingerprint.Equals(fingerprint, StringComparison.OrdinalIgnoreCase))
                ?? throw new McpException($"no finding with fingerprint '{fingerprint}' in run {runId}");
            return Serialize(McpFindingView.Full(finding, cli.Scrubber));
        }
    }

    [Description("Preflight checks of a workspace (and optionally a plan): folders, credentials by env var (format only, values never shown), container engine, probe targets, status documents, journal room.")]
    public async Task<string> Preflight(
        [Description("Workspace folder.")] string path,
        [Description("Plan YAML file the run will use.")] string? plan = null,
        CancellationToken cancellationToken = default)
    {
        var root = RequireFolder(path);
        var request = new PreflightRequest
        {
            Root = root,
            Plan = plan is { Length: > 0 } ? new PlanParser(cli.Registry).ParseFile(Path.GetFullPath(plan)).Overview() : null,
        };
        var checks = await new PreflightRunner(request).RunAsync(cancellationToken);
        return Serialize(new
        {
            passed = checks.All(c => c.Outcome != PreflightOutcome.Fail),
            failed = checks.Count(c => c.Outcome == PreflightOutcome.Fail),
            checks = checks.Select(c => new { outcome = c.Outcome.ToString().ToLowerInvariant(), area = c.Area, item = c.Item, detail = c.Detail }).ToList(),
        });
    }

    /// <param name="plan">The plan to run; null: muster.yaml's plan, else the built-in one (as muster audit).</param>
    private async Task<string> StartAsync(Plan? plan, RunPurpose purpose, string path, int waitSeconds, bool startMcpServers, string? state, string? gates,
        string? config, CancellationToken cancellationToken)
    {
        var root = RequireFolder(path);
        var prepared = Prepare(root, config, plan);
        var gateModes = new GateModeOverrides([.. prepared.Config.Gates.Overrides, .. GateModesOf(gates).Overrides]);
        var stateDirectory = state is { Length: > 0 } ? Path.GetFullPath(state) : RunHost.DefaultStateDirectory(root);
        var runId = RunHost.NewRunId(cli.Time);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (startMcpServers) parameters["mcp.start-servers"] = "true";
        // As muster audit without --osv-db: the database muster osv update keeps in the user's cache, when there is one.
        if (OsvCacheFolder.ExistingDefault(Environment.GetEnvironmentVariable) is { } osvCache) parameters[OsvDatabaseCheck.DefaultCacheParameter] = osvCache;
        var scrubber = RunScrubber.For(prepared.Plan, root, parameters, cli.Scrubber);
        var after = new AfterRun(cli.Registry, stateDirectory, runId, outputDirectory: null, ReportWriter.AllFormats, scrubber, cli.Time) { GateModes = gateModes, Suppressor = prepared.Suppressor };
        var reports = after.OutputDirectory;
        var host = new RunHost(cli.Registry, new EngineOptions { Time = cli.Time }, scrubber, cli.Loggers);
        var token = runs.Lifetime.Token;
        var run = Task.Run(async () =>
        {
            var outcome = await host.StartAsync(prepared.Plan, root, stateDirectory, parameters, after.Observers, token, runId, purpose);
            return await after.CompleteAsync(outcome, prepared.Plan);
        }, CancellationToken.None);
        runs.Add(new McpRuns.Entry(runId, root, stateDirectory, reports, run));

        var wait = TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0, MaxWaitSeconds));
        try
        {
            await run.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            await UntilJournaledAsync(stateDirectory, runId, run, cancellationToken);
            return Serialize(new { run_id = runId, status = "running", state = stateDirectory, hint = "poll run_status with this run_id; list_findings once it has finished" });
        }
        catch (OperationCanceledException)
        {
            return Serialize(new { run_id = runId, status = "running", state = stateDirectory });
        }
        var result = await run;
        var outcome = result.Outcome;
        var verdict = result.Verdict(prepared.Config.FailOnFor(null));
        return Serialize(new
        {
            run_id = runId,
            purpose = result.Purpose.ToKey(),
            status = outcome.Status.ToString().ToLowerInvariant(),
            stop_reason = outcome.StopReason,
            state = stateDirectory,
            reports,
            findings = SeverityText.WorstFirst.ToDictionary(s => s.ToLabel(), s => outcome.Findings.Count(f => f.Severity == s)),
            suppressed = result.Suppressed.Count,
            config = prepared.Config.File,
            failed_criteria = outcome.Waves.SelectMany(w => w.Criteria.Where(c => !c.Passed).Select(c => $"{w.Name}: {c.Criterion} ({c.Reason})")).ToList(),
            gates = result.Gates.Select(g => new { id = g.Id, name = g.Name, status = g.Status.ToKey(), mode = g.Mode.ToKey(), summary = g.Summary }).ToList(),
            passed = verdict.Passed,
            failures = verdict.Failures,
            warnings = verdict.Warnings,
            compared_with = result.ComparedWithRunId,
        });
    }

    private PreparedRun Prepare(string root, string? config, Plan? plan)
    {
        try
        {
            return RepoPlan.Prepare(cli.Registry, root, config, plan, cli.Time);
        }
        catch (RepoConfigException e)
        {
            throw new McpException("the repository config is invalid: " + string.Join("; ", e.Errors.Select(x => x.ToString())));
        }
        catch (PlanException e)
        {
            throw new McpException("muster.yaml's plan is invalid: " + string.Join("; ", e.Errors.Select(x => x.ToString())));
        }
        catch (FileNotFoundException e)
        {
            throw new McpException(e.Message);
        }
    }

    private static GateModeOverrides GateModesOf(string? gates)
    {
        try
        {
            return GateModeOverrides.Parse((gates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), GateModeOrigin.Request);
        }
        catch (ArgumentException e)
        {
            throw new McpException(e.Message.Replace("--gate", "gates", StringComparison.Ordinal));
        }
    }

    /// <summary>"running" is only answered once the run is in the journal, so run_status can find it at once.</summary>
    private static async Task UntilJournaledAsync(string stateDirectory, string runId, Task run, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100 && !run.IsCompleted; i++)
        {
            if (File.Exists(Path.Combine(stateDirectory, RunJournal.FileName)))
            {
                try
                {
                    using var reader = JournalReader.Open(stateDirectory);
                    if (reader.FindRun(runId) is not null) return;
                }
                catch (JournalException)
                {
                    // The journal is being created: its tables are not there yet.
                }
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    private (JournalReader Reader, string RunId) OpenRun(string? runId, string? path, string? state)
    {
        string stateDirectory;
        if (state is { Length: > 0 }) stateDirectory = Path.GetFullPath(state);
        else if (path is { Length: > 0 }) stateDirectory = RunHost.DefaultStateDirectory(RequireFolder(path));
        else if (runId is { Length: > 0 } && runs.Find(runId) is { } entry) stateDirectory = entry.StateDirectory;
        else throw new McpException("give 'path' (the audited workspace) or 'state' (its journal folder), or a run_id this server started");

        JournalReader reader;
        try
        {
            reader = JournalReader.Open(stateDirectory);
        }
        catch (FileNotFoundException e)
        {
            throw new McpException(e.Message);
        }
        var id = runId is { Length: > 0 } ? runId : reader.ListRuns().LastOrDefault()?.RunId;
        if (id is null || reader.FindRun(id) is null)
        {
            reader.Dispose();
            throw new McpException(id is null ? $"no runs in {stateDirectory}" : $"no run '{id}' in {stateDirectory}");
        }
        return (reader, id);
    }

    private static string RequireFolder(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? full : throw new McpException($"'{path}' is not a folder");
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);
}
