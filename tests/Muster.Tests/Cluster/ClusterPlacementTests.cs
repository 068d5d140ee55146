using Muster.Cluster;
using Muster.Cluster.Coordinator;
using Muster.Cluster.Wire;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Cluster;

/// <summary>The cluster executor on an in-process cluster that no test kills (see <see cref="WorkerLossTests"/>).</summary>
public sealed class ClusterPlacementTests(TestWorkers workers) : IClassFixture<TestWorkers>
{
    [Fact]
    public async Task Agents_run_on_the_workers_their_labels_name_and_report_that_host()
    {
        var outcome = await workers.RunAsync("""
            name: placed
            waves:
              - name: w
                on: {host: a}
                agents:
                  - {id: on-a, kind: noop}
                  - {id: on-b, kind: noop, on: {host: b}}
                  - {id: anywhere-a, kind: noop}
            """);
        Assert.All(outcome.Agents, a => Assert.Equal(AgentState.Succeeded, a.State));
        Assert.Equal("a", outcome.Agents.Single(a => a.AgentId == "on-a").Result.Host);
        Assert.Equal("b", outcome.Agents.Single(a => a.AgentId == "on-b").Result.Host);
        Assert.Equal("a", outcome.Agents.Single(a => a.AgentId == "anywhere-a").Result.Host);
    }

    [Fact]
    public async Task Root_names_the_workers_folder_and_without_root_the_runs_root_is_audited()
    {
        using var elsewhere = new TempTree();
        var outcome = await workers.RunAsync("""
            name: roots
            waves:
              - name: w
                agents:
                  - {id: named, kind: root-echo, root: ws}
                  - {id: unnamed, kind: root-echo, on: {host: a}}
            """, root: elsewhere.Path);
        Assert.Equal(workers.WorkspaceRoot, outcome.Agents.Single(a => a.AgentId == "named").Result.Summary);
        Assert.Equal("b", outcome.Agents.Single(a => a.AgentId == "named").Result.Host);
        Assert.Equal(elsewhere.Path, outcome.Agents.Single(a => a.AgentId == "unnamed").Result.Summary);
    }

    [Fact]
    public async Task An_agent_no_worker_offers_fails_with_the_placement_and_the_plan_check_says_so_before_the_run()
    {
        var outcome = await workers.RunAsync("""
            name: nowhere
            waves:
              - name: w
                agents:
                  - {id: lost, kind: noop, on: {host: vps9}}
                  - {id: rootless, kind: noop, root: nope}
            """);
        var lost = outcome.Agents.Single(a => a.AgentId == "lost");
        Assert.Equal(AgentState.Failed, lost.State);
        Assert.Contains("no worker offers host=vps9", lost.Error);
        Assert.Contains("no worker offers root nope", outcome.Agents.Single(a => a.AgentId == "rootless").Error);

        var plan = new PlanParser(workers.Registry).Parse("name: p\nwaves:\n  - name: w\n    agents:\n      - {id: x, kind: noop, on: {host: vps9}}\n", "p.yaml");
        var connection = new ClusterConnection(workers.Cluster.Client);
        var error = await Assert.ThrowsAsync<ClusterUsageException>(() => connection.RequirePlacementsAsync(plan, CancellationToken.None));
        Assert.StartsWith("no worker offers host=vps9 (agent 'x'); live workers: ", error.Message);
        var rootPlan = new PlanParser(workers.Registry).Parse("name: p\nwaves:\n  - name: w\n    agents:\n      - {id: y, kind: noop, root: nope}\n", "p.yaml");
        var rootError = await Assert.ThrowsAsync<ClusterUsageException>(() => connection.RequirePlacementsAsync(rootPlan, CancellationToken.None));
        Assert.Contains("names root 'nope', which no worker offers: start a worker with --root nope=PATH", rootError.Message);
    }

    [Fact]
    public async Task A_hard_timeout_cancels_the_agent_on_its_worker()
    {
        var worker = workers.Runtime("Silo_3");
        var before = worker.CancelledAttempts;
        var outcome = await workers.RunAsync("""
            name: slow
            waves:
              - name: w
                agents:
                  - {id: slow, kind: sleep, on: {host: b}, with: {duration: 60s}, timeout: {soft: 500ms, hard: 1500ms}}
            """);
        var slow = outcome.Agents.Single();
        Assert.Equal(AgentState.TimedOut, slow.State);
        Assert.Contains("cancelled", slow.Error);
        Assert.Equal(before + 1, worker.CancelledAttempts);
        await Poll.UntilAsync(() => worker.Running == 0, TimeSpan.FromSeconds(10), "the sleep agent stopped on worker b");
    }

    [Fact]
    public async Task Ten_thousand_findings_from_one_agent_arrive_whole_in_pages()
    {
        var outcome = await workers.RunAsync("""
            name: many
            waves:
              - name: w
                agents:
                  - {id: many, kind: many-findings, on: {host: b}, with: {count: 10000}}
            """);
        var many = outcome.Agents.Single();
        Assert.Equal(AgentState.Succeeded, many.State);
        Assert.Equal(10_000, many.Result.Findings.Count);
        Assert.Equal(10_000, many.Result.Findings.Select(f => f.Fingerprint).Distinct().Count());
        Assert.All(many.Result.Findings, f => Assert.Equal("many", f.AgentId));
        Assert.Equal("f/9999.txt", many.Result.Findings[^1].Location?.Path);
        Assert.True(ClusterAgentExecutor.FindingsPage < 10_000);
    }

    [Fact]
    public async Task Findings_are_scrubbed_on_the_worker_before_they_cross_the_wire()
    {
        var secret = Planted.OpenAiProject(17);
        var grain = workers.Directory.Worker("Silo_3");
        var spec = new PlanParser(workers.Registry).Parse($"name: p\nwaves:\n  - name: w\n    agents:\n      - {{id: leak, kind: leaky, with: {{secret: \"{secret}\"}}}}\n", "p.yaml").AllAgents.Single();
        var request = new AttemptRequest
        {
            AttemptId = Guid.NewGuid().ToString("N"),
            RunId = "scrub",
            Attempt = 1,
            SpecJson = WireJson.WriteSpec(spec),
            RunRoot = workers.WorkspaceRoot,
            UpstreamJson = "[]",
            RunParameters = [],
        };
        Assert.Null(await grain.StartAsync(request));
        AttemptStatus status;
        do status = await grain.PollAsync(request.AttemptId, TimeSpan.FromSeconds(1));
        while (status.Phase == AttemptPhase.Running);
        Assert.Equal(AttemptPhase.Succeeded, status.Phase);
        var wire = status.ResultJson + await grain.ReadFindingsAsync(request.AttemptId, 0, 10);
        Assert.Contains("key ", wire);
        Assert.DoesNotContain(secret, wire);
        Assert.DoesNotContain(secret[..20], wire);
        await grain.ReleaseAsync(request.AttemptId);
        Assert.Equal(AttemptPhase.Unknown, (await grain.PollAsync(request.AttemptId, TimeSpan.Zero)).Phase);
    }

    [Fact]
    public async Task Agent_failures_come_back_as_the_agents_error_not_as_a_lost_worker()
    {
        var outcome = await workers.RunAsync("""
            name: failing
            waves:
              - name: w
                agents:
                  - {id: bad, kind: boom, on: {host: a}}
            """);
        var bad = outcome.Agents.Single();
        Assert.Equal(AgentState.Failed, bad.State);
        Assert.Contains("InvalidOperationException: boom at the source", bad.Error);
        Assert.DoesNotContain("worker lost", bad.Error);
        Assert.Equal("a", bad.Result.Host);
    }

    [Fact]
    public async Task A_hard_timeout_kills_a_command_agents_process_on_its_worker()
    {
        const string Marker = "6173.25";
        var outcome = await workers.RunAsync($$$"""
            name: command
            waves:
              - name: w
                agents:
                  - {id: cmd, kind: command, on: {host: b}, with: {program: sleep, args: ["{{{Marker}}}"]}, timeout: {soft: 500ms, hard: 2s}}
            """);
        Assert.Equal(AgentState.TimedOut, outcome.Agents.Single().State);
        await Poll.UntilAsync(() => !SleepRuns(Marker), TimeSpan.FromSeconds(10), $"'sleep {Marker}' gone");
    }

    private static bool SleepRuns(string marker) =>
        System.IO.Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim() == "sleep " + marker;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
}
