using System.Net;
using System.Net.Sockets;
using System.Text;
using Muster.Agents;
using Muster.Agents.Preflight;
using Muster.Cli;
using Muster.Composition;
using Muster.Model;
using Muster.Tests.Reports;

namespace Muster.Tests.Preflight;

public sealed class PreflightTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-preflight-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static string OpenAiProjectShaped(int seed) => "sk-" + "proj-" + TestSecrets.Random(seed, 80);

    [Fact]
    public async Task Credentials_referenced_by_mcp_configs_are_format_checked_and_never_shown()
    {
        Write(".mcp.json", """
            { "mcpServers": {
                "a": { "command": "x", "env": { "OPENAI_API_KEY": "${OPENAI_API_KEY}", "GITHUB_TOKEN": "${env:GITHUB_TOKEN}" } },
                "b": { "url": "http://127.0.0.1:1/mcp", "headers": { "Authorization": "Bearer ${MY_SERVICE_TOKEN}", "X-Key": "${ANTHROPIC_API_KEY}" } } } }
            """);
        var good = OpenAiProjectShaped(1);
        var env = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = good,
            ["GITHUB_TOKEN"] = "ghp_short",
            ["MY_SERVICE_TOKEN"] = "whatever-value-1234",
        };
        var checks = await new PreflightRunner(new PreflightRequest { Root = _root, Environment = n => env.GetValueOrDefault(n) })
            .RunAsync(CancellationToken.None);

        var credentials = checks.Where(c => c.Area == "credential").ToDictionary(c => c.Item);
        Assert.Equal(["ANTHROPIC_API_KEY", "GITHUB_TOKEN", "MY_SERVICE_TOKEN", "OPENAI_API_KEY"], credentials.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((PreflightOutcome.Pass, "present, matches OpenAI project key format"), (credentials["OPENAI_API_KEY"].Outcome, credentials["OPENAI_API_KEY"].Detail));
        Assert.Equal(PreflightOutcome.Fail, credentials["GITHUB_TOKEN"].Outcome);
        Assert.StartsWith("present but malformed", credentials["GITHUB_TOKEN"].Detail, StringComparison.Ordinal);
        Assert.Equal(PreflightOutcome.Pass, credentials["MY_SERVICE_TOKEN"].Outcome);
        Assert.Equal(PreflightOutcome.Fail, credentials["ANTHROPIC_API_KEY"].Outcome);
        Assert.StartsWith("missing", credentials["ANTHROPIC_API_KEY"].Detail, StringComparison.Ordinal);
        var all = string.Join("\n", checks);
        Assert.DoesNotContain(good, all, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_short", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_targets_and_the_container_engine_are_checked_within_the_bound()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var closedListener = new TcpListener(IPAddress.Loopback, 0);
        closedListener.Start();
        var closed = ((IPEndPoint)closedListener.LocalEndpoint).Port;
        closedListener.Stop();
        Write("muster.services.yaml", $"services:\n  api:\n    http: http://127.0.0.1:{open}/health\n  db:\n    tcp: 127.0.0.1:{closed}\n");

        var socketPath = Path.Combine(_root, "engine.sock");
        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        engine.Bind(new UnixDomainSocketEndPoint(socketPath));
        engine.Listen();
        var serve = Task.Run(async () =>
        {
            using var peer = await engine.AcceptAsync();
            var buffer = new byte[1024];
            var read = await peer.ReceiveAsync(buffer);
            var answer = Encoding.ASCII.GetString(buffer, 0, read).StartsWith("GET /_ping ", StringComparison.Ordinal)
                ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK" : "HTTP/1.1 404 Not Found\r\n\r\n";
            await peer.SendAsync(Encoding.ASCII.GetBytes(answer));
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var checks = await new PreflightRunner(new PreflightRequest
        {
            Root = _root,
            Environment = n => n == "DOCKER_HOST" ? "unix://" + socketPath : null,
        }).RunAsync(CancellationToken.None);
        await serve;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var probes = checks.Where(c => c.Area == "probe target").ToDictionary(c => c.Item);
        Assert.Equal(PreflightOutcome.Pass, probes[$"api 127.0.0.1:{open}"].Outcome);
        Assert.Equal(2, probes[$"api 127.0.0.1:{open}"].SourceLine);
        Assert.Equal(PreflightOutcome.Fail, probes[$"db 127.0.0.1:{closed}"].Outcome);
        var ping = Assert.Single(checks, c => c.Area == "container engine");
        Assert.Equal((PreflightOutcome.Pass, "answered GET /_ping"), (ping.Outcome, ping.Detail));
    }

    [Fact]
    public async Task Without_a_container_engine_it_is_info_unless_the_plan_needs_one()
    {
        var checks = await new PreflightRunner(new PreflightRequest
        {
            Root = _root,
            Environment = n => n == "DOCKER_HOST" ? "unix://" + Path.Combine(_root, "none.sock") : null,
        }).RunAsync(CancellationToken.None);
        var ping = Assert.Single(checks, c => c.Area == "container engine");
        Assert.Equal(PreflightOutcome.Info, ping.Outcome);
        Assert.Contains("not reachable", ping.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_room_and_status_documents()
    {
        Write("docs/STATUS.md", "# ok\n");
        var checks = await new PreflightRunner(new PreflightRequest { Root = _root, MinimumFreeBytes = long.MaxValue, Environment = _ => null })
            .RunAsync(CancellationToken.None);
        Assert.Equal(PreflightOutcome.Fail, Assert.Single(checks, c => c.Item == "free space").Outcome);
        Assert.Equal(PreflightOutcome.Pass, Assert.Single(checks, c => c.Item == ".muster").Outcome);
        var docs = Assert.Single(checks, c => c.Area == "status documents");
        Assert.Equal(PreflightOutcome.Pass, docs.Outcome);
        Assert.Contains("docs/STATUS.md", docs.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_brings_its_folders_credentials_and_container_engine_need()
    {
        Write("plan.yaml", """
            name: p
            waves:
              - name: zero
                agents:
                  - {id: preflight, kind: preflight}
              - name: one
                agents:
                  - id: lint
                    kind: command
                    with: {program: eslint, cwd: web, env-from: {GITHUB_TOKEN: MUSTER_GH_TOKEN}}
                  - id: review
                    kind: llm
                    with: {base-url: "https://api.openai.com/v1", model: gpt-4o, api-key-env: MUSTER_OPENAI_KEY, instructions: Review the code.}
                  - {id: infra, kind: infra-state}
            """);
        var plan = new Muster.Engine.Plans.PlanParser(Muster.Composition.BuiltInAgents.CreateRegistry()).ParseFile(Path.Combine(_root, "plan.yaml"));
        var env = new Dictionary<string, string> { ["MUSTER_OPENAI_KEY"] = OpenAiProjectShaped(3), ["MUSTER_GH_TOKEN"] = "not-a-github-token" };
        var checks = await new PreflightRunner(new PreflightRequest
        {
            Root = _root,
            Plan = plan.Overview(),
            Environment = n => n == "DOCKER_HOST" ? "unix://" + Path.Combine(_root, "none.sock") : env.GetValueOrDefault(n),
        }).RunAsync(CancellationToken.None);

        var credentials = checks.Where(c => c.Area == "credential").ToDictionary(c => c.Item);
        Assert.Equal("present, matches OpenAI project key format", credentials["MUSTER_OPENAI_KEY"].Detail);
        Assert.Equal(PreflightOutcome.Fail, credentials["MUSTER_GH_TOKEN"].Outcome); // judged as a GitHub token: the child's name says so
        Assert.Contains("GitHub", credentials["MUSTER_GH_TOKEN"].Detail, StringComparison.Ordinal);
        var cwd = Assert.Single(checks, c => c.Area == "plan lint.cwd");
        Assert.Equal((PreflightOutcome.Fail, "does not exist"), (cwd.Outcome, cwd.Detail));
        Assert.Equal(PreflightOutcome.Fail, Assert.Single(checks, c => c.Area == "container engine").Outcome); // the plan has an infra-state agent
    }

    [Fact]
    public async Task As_wave_0_it_sees_the_whole_plan_and_stops_the_run_before_the_long_waves()
    {
        Write("plan.yaml", """
            name: guarded
            waves:
              - name: Wave 0 - preflight
                agents:
                  - {id: preflight, kind: preflight}
                exit:
                  - max-findings: {severity: HIGH, count: 0}
              - name: Wave 1
                agents:
                  - id: lint
                    kind: command
                    with: {program: eslint, cwd: no-such-folder}
            """);
        var plan = new Muster.Engine.Plans.PlanParser(BuiltInAgents.CreateRegistry()).ParseFile(Path.Combine(_root, "plan.yaml"));
        var host = new Muster.Engine.RunHost(BuiltInAgents.CreateRegistry(), new Muster.Engine.EngineOptions(), NoSecretScrubber.Instance);

        var outcome = await host.StartAsync(plan, _root, Path.Combine(_root, ".muster"), new Dictionary<string, string>(), [], CancellationToken.None);

        var finding = Assert.Single(outcome.Findings, f => f.RuleId == "MUSTER-PREFLIGHT-FAIL");
        Assert.Equal("plan lint.cwd no-such-folder: does not exist", finding.Message);
        Assert.False(Assert.Single(outcome.Waves[0].Criteria).Passed);
        Assert.Equal(AgentState.Skipped, outcome.Agents.Single(a => a.AgentId == "lint").State);
    }

    [Fact]
    public async Task The_command_prints_a_line_per_item_and_exits_1_on_a_failure()
    {
        var variable = "MUSTER_TEST_MISSING_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Write(".mcp.json", $$"""{ "mcpServers": { "a": { "command": "x", "env": { "K": "${{{variable}}}" } } } }""");
        var output = new StringWriter();
        var rc = await MusterCli.RunAsync(["preflight", _root], output, new StringWriter());
        Assert.Equal(1, rc);
        Assert.Contains($"FAIL  credential: {variable} — missing (needed by MCP server 'a' (.mcp.json:1))", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("PASS  workspace: . — folder exists and is readable", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("preflight FAILED: 1 of", output.ToString(), StringComparison.Ordinal);

        File.Delete(Path.Combine(_root, ".mcp.json"));
        Assert.Equal(0, await MusterCli.RunAsync(["preflight", _root], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public async Task As_an_agent_failures_become_high_findings()
    {
        var variable = "MUSTER_TEST_MISSING_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var result = await PreflightAgent.Descriptor.Create().RunAsync(new AgentContext
        {
            RunId = "r",
            AgentId = "preflight",
            Kind = "preflight",
            Role = AgentRole.Verification,
            Root = _root,
            Settings = new AgentSettings(new Dictionary<string, object?> { ["env"] = new List<object?> { variable } }),
        }, CancellationToken.None);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("MUSTER-PREFLIGHT-FAIL", Severity.High), (finding.RuleId, finding.Severity));
        Assert.Contains(variable, finding.Message, StringComparison.Ordinal);
    }
}
