using System.Text.Json;
using Microsoft.Data.Sqlite;
using Muster.Engine.Journal;
using Muster.Tests.Cli;
using Muster.Workspace;

namespace Muster.Tests.Fleet;

/// <summary>
/// Issue 17's integration tests: a real Redis, real <c>muster worker</c> processes and a real coordinator on loopback,
/// and a worker SIGKILLed while it runs a 5-second command agent.
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class WorkerLostTests
{
    private const int SigKill = 9;

    // The agent: writes "PID PPID" (its worker is the parent) to the marker named by $0, works 5 s, prints two findings.
    private const string SlowScript = """echo "$$ $PPID" >> "$0"; sleep 5; echo "one.txt:1: first finding"; echo "two.txt:2: second finding" """;
    private const string Pattern = @"^(?<file>[a-z]+\.txt):(?<line>\d+): (?<message>.+)$";

    [Fact]
    public async Task A_SIGKILLed_worker_s_agent_runs_again_on_the_other_matching_worker_and_every_finding_appears_once()
    {
        await using var cluster = await LocalCluster.StartAsync(["a", "a", "b"]);
        var marker = Path.Combine(cluster.Folder, "slow.pids");
        var plan = WritePlan(cluster, $$"""
            name: fleet-failover
            gates: {security: off, type-check: off, tests: off, documentation: off}
            waves:
              - name: work
                agents:
                  - id: slow
                    kind: command
                    on: {host: a}
                    with: {program: sh, args: [-c, '{{SlowScript}}', "{{marker}}"], parser: regex, pattern: '{{Pattern}}', rule-id: FLEET-SLOW}
                  - id: quick
                    kind: command
                    on: {host: b}
                    with: {program: sh, args: [-c, 'echo "three.txt:3: from b"'], parser: regex, pattern: '{{Pattern}}', rule-id: FLEET-QUICK}
            """);
        using var coordinator = StartRun(cluster, plan);

        var first = (await WaitForAttemptsAsync(marker, 1, coordinator, cluster))[0];
        var victim = cluster.WorkerWithPid(first.Parent);
        Assert.Equal("a", victim.Host);
        Assert.Equal(0, NativeSignal.Send(victim.Process.Pid, SigKill));

        var exit = await coordinator.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exit == 0, $"coordinator exit {exit}:\n{coordinator.Stderr}\n{cluster.Diagnostics()}");

        var attempts = ReadAttempts(marker);
        Assert.Equal(2, attempts.Count);
        var rerun = cluster.WorkerWithPid(attempts[1].Parent);
        Assert.Equal("a", rerun.Host);
        Assert.NotEqual(victim.Name, rerun.Name);

        using var report = ReadReport(cluster);
        var slow = Agent(report, "slow");
        Assert.Equal("succeeded", slow.GetProperty("state").GetString());
        Assert.Equal(2, slow.GetProperty("attempts").GetInt32());
        Assert.Equal("a", slow.GetProperty("host").GetString());
        Assert.Equal("b", Agent(report, "quick").GetProperty("host").GetString());
        var lost = Assert.Single(TransitionNotes(cluster, "slow"), n => n.Note.StartsWith("worker-lost", StringComparison.Ordinal));
        Assert.Equal(2, lost.Attempt);
        Assert.Contains(victim.Process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), lost.Note, StringComparison.Ordinal);
        Assert.Equal("succeeded", Agent(report, "quick").GetProperty("state").GetString());

        var findings = Findings(report);
        Assert.Equal(
            ["FLEET-QUICK three.txt:3 from b", "FLEET-SLOW one.txt:1 first finding", "FLEET-SLOW two.txt:2 second finding"],
            findings.Order(StringComparer.Ordinal));
        Assert.Equal(3, report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()).Distinct().Count());

        // The killed attempt's command died with its worker; the rest leave on SIGTERM.
        Assert.True(await GoneWithinAsync(first.Pid, TimeSpan.FromSeconds(10)), $"the killed attempt's command (pid {first.Pid}) still runs");
        await cluster.StopWorkersAsync(TimeSpan.FromSeconds(30));
        await AssertNothingLeftAsync(cluster, [.. attempts.Select(a => a.Pid)]);
    }

    [Fact]
    public async Task An_agent_placed_on_a_host_whose_only_worker_dies_fails_worker_lost_and_the_wave_criteria_decide_the_rest()
    {
        await using var cluster = await LocalCluster.StartAsync(["a", "b"]);
        var marker = Path.Combine(cluster.Folder, "on-b.pids");
        var plan = WritePlan(cluster, $$"""
            name: fleet-worker-lost
            gates: {security: off, type-check: off, tests: off, documentation: off}
            waves:
              - name: placed
                agents:
                  - id: on-b
                    kind: command
                    on: {host: b}
                    with: {program: sh, args: [-c, '{{SlowScript}}', "{{marker}}"], parser: regex, pattern: '{{Pattern}}', rule-id: FLEET-ON-B}
                  - id: on-a
                    kind: command
                    on: {host: a}
                    with: {program: sh, args: [-c, 'echo "three.txt:3: from a"'], parser: regex, pattern: '{{Pattern}}', rule-id: FLEET-ON-A}
                exit: [{min-success-rate: 0.5}]
              - name: after
                agents:
                  - id: after
                    kind: command
                    with: {program: sh, args: [-c, 'echo "four.txt:4: after"'], parser: regex, pattern: '{{Pattern}}', rule-id: FLEET-AFTER}
            """);
        using var coordinator = StartRun(cluster, plan);

        var first = (await WaitForAttemptsAsync(marker, 1, coordinator, cluster))[0];
        var victim = cluster.WorkerWithPid(first.Parent);
        Assert.Equal("b", victim.Host);
        Assert.Equal(0, NativeSignal.Send(victim.Process.Pid, SigKill));

        // A failed agent leaves the verification gate not evaluated: exit 1, with the run completed.
        var exit = await coordinator.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exit == 1, $"coordinator exit {exit}:\n{coordinator.Stderr}\n{cluster.Diagnostics()}");
        Assert.Single(ReadAttempts(marker)); // no other worker offers host=b: never re-run elsewhere

        using var report = ReadReport(cluster);
        Assert.Equal("completed", report.RootElement.GetProperty("run").GetProperty("status").GetString());
        var onB = Agent(report, "on-b");
        Assert.Equal("failed", onB.GetProperty("state").GetString());
        Assert.Contains("worker lost", onB.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("b", onB.GetProperty("host").GetString());
        Assert.Equal(1, onB.GetProperty("attempts").GetInt32());
        Assert.Equal("succeeded", Agent(report, "on-a").GetProperty("state").GetString());

        var waves = report.RootElement.GetProperty("waves").EnumerateArray().ToList();
        var criterion = Assert.Single(waves[0].GetProperty("criteria").EnumerateArray());
        Assert.True(criterion.GetProperty("passed").GetBoolean(), criterion.GetProperty("reason").GetString());
        Assert.Equal("passed", waves[0].GetProperty("status").GetString());
        Assert.Equal("passed", waves[1].GetProperty("status").GetString());
        Assert.Equal("succeeded", Agent(report, "after").GetProperty("state").GetString());
        Assert.Equal(["FLEET-AFTER four.txt:4 after", "FLEET-ON-A three.txt:3 from a"], Findings(report).Order(StringComparer.Ordinal));

        Assert.True(await GoneWithinAsync(first.Pid, TimeSpan.FromSeconds(10)), $"the killed attempt's command (pid {first.Pid}) still runs");
        await cluster.StopWorkersAsync(TimeSpan.FromSeconds(30));
        await AssertNothingLeftAsync(cluster, [first.Pid]);
    }

    private static string WritePlan(LocalCluster cluster, string yaml)
    {
        Directory.CreateDirectory(Path.Combine(cluster.Folder, "ws"));
        var path = Path.Combine(cluster.Folder, "plan.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static MusterProcess StartRun(LocalCluster cluster, string plan) =>
        cluster.StartCoordinator("run", plan, "--root", Path.Combine(cluster.Folder, "ws"), "--state", Path.Combine(cluster.Folder, "state"),
            "--output", Path.Combine(cluster.Folder, "out"), "--format", "json");

    private static JsonDocument ReadReport(LocalCluster cluster) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cluster.Folder, "out", "report.json")));

    private static JsonElement Agent(JsonDocument report, string id) =>
        report.RootElement.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    /// <summary>"RULE path:line message" per finding of the report.</summary>
    private static List<string> Findings(JsonDocument report) =>
        report.RootElement.GetProperty("findings").EnumerateArray().Select(f =>
        {
            var location = f.GetProperty("location");
            return $"{f.GetProperty("ruleId").GetString()} {location.GetProperty("path").GetString()}:{location.GetProperty("line").GetInt32()} {f.GetProperty("message").GetString()}";
        }).ToList();

    /// <summary>The journal's transitions of one agent, in order: (attempt, note) of those with a note.</summary>
    private static List<(int Attempt, string Note)> TransitionNotes(LocalCluster cluster, string agentId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(cluster.Folder, "state", RunJournal.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT attempt, note FROM transitions WHERE agent_id=$agent AND note IS NOT NULL ORDER BY rowid";
        command.Parameters.AddWithValue("$agent", agentId);
        using var reader = command.ExecuteReader();
        var notes = new List<(int, string)>();
        while (reader.Read()) notes.Add((reader.GetInt32(0), reader.GetString(1)));
        return notes;
    }

    private sealed record Attempt(int Pid, int Parent);

    private static List<Attempt> ReadAttempts(string marker) =>
        !File.Exists(marker) ? [] : File.ReadAllLines(marker).Where(l => l.Length > 0)
            .Select(l => l.Split(' ')).Select(p => new Attempt(int.Parse(p[0]), int.Parse(p[1]))).ToList();

    private static async Task<List<Attempt>> WaitForAttemptsAsync(string marker, int count, MusterProcess coordinator, LocalCluster cluster)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !coordinator.HasExited)
        {
            var attempts = ReadAttempts(marker);
            if (attempts.Count >= count) return attempts;
            await Task.Delay(50);
        }
        throw new TimeoutException($"the agent did not start {count} time(s) (coordinator exited: {coordinator.HasExited}):\n{coordinator.Stderr}\n{cluster.Diagnostics()}");
    }

    private static async Task<bool> GoneWithinAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (ProcessGroups.IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>Every worker and coordinator pid is gone, so are the agents' commands, and nothing names the cluster.</summary>
    private static async Task AssertNothingLeftAsync(LocalCluster cluster, IReadOnlyList<int> commandPids)
    {
        var pids = cluster.StartedPids.Skip(1).Concat(commandPids).ToList(); // [0] is Redis, stopped on dispose
        foreach (var pid in pids) await GoneWithinAsync(pid, TimeSpan.FromSeconds(10));
        var running = pids.Where(ProcessGroups.IsRunning).ToList();
        Assert.True(running.Count == 0, $"still running: {string.Join(", ", running)}\n{cluster.Diagnostics()}");
        Assert.Empty(cluster.ProcessesNamingTheCluster());
    }
}
