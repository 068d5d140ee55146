using System.Diagnostics;
using Muster.Agents;
using Muster.Agents.Llm;
using Muster.Model;
using Muster.Tests.Agents.Command;
using static Muster.Tests.Agents.Llm.LlmTestKit;

namespace Muster.Tests.Agents.Llm;

public class LlmAgentTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tool_calling_conversation_ends_in_verified_findings(bool stream)
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", StatusDoc);
        root.Write("docker-compose.yml", "services:\n  web:\n    image: nginx\n");
        await using var server = FakeOpenAiServer.Start(
            new ToolCallsTurn(new ToolCallScript("list_files", new { glob = "**/*.md" })),
            new ToolCallsTurn(new ToolCallScript("read_file", new { path = "docs/STATUS.md", start_line = 1, line_count = 50 })) { PromptTokens = 300 },
            Final("Checked STATUS.md against the compose file.", Finding("docs/STATUS.md", 3, "All 20/20 containers running.")) with { PromptTokens = 600, CompletionTokens = 120 });

        var result = await Run(Context(root.Path, Settings(server, stream)));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(new SourceLocation("docs/STATUS.md", 3), finding.Location);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("llm-1", finding.AgentId);
        Assert.Equal("All 20/20 containers running.", finding.Evidence);
        Assert.NotEmpty(finding.Fingerprint);
        Assert.Equal(1000, result.Metrics["tokens_in"]);
        Assert.Equal(220, result.Metrics["tokens_out"]);
        Assert.Equal((1000 * 1.0 + 220 * 2.0) / 1_000_000, result.Metrics["cost_usd"], 9);
        Assert.Equal(2, result.Metrics["tool_calls"]);
        Assert.Equal(0, result.Metrics["rejected_claims"]);
        Assert.Contains("Verified 1 of 1", result.Summary);

        var requests = server.ParsedRequests;
        Assert.Equal(3, requests.Count);
        var offered = requests[0]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["list_files", "read_file", "read_upstream", "search_text"], offered);
        Assert.Contains("docs/STATUS.md\\t", server.Requests[1]);
        Assert.Contains("3: All 20/20 containers running.", server.Requests[2]);
        Assert.Equal(stream, requests[0]["stream"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task Claims_the_files_do_not_bear_out_are_rejected_and_listed()
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", StatusDoc);
        using var outside = new TempTree();
        outside.Write("secret.txt", "All 20/20 containers running.\n");
        await using var server = FakeOpenAiServer.Start(Final("Found problems.",
            Finding("docs/STATUS.md", 3, "All   20/20 containers\n running."),
            Finding("docs/MISSING.md", 1, "All 20/20 containers running.", rule: "hallucinated-file"),
            Finding("docs/STATUS.md", 3, "AWS: deployed to production", rule: "wrong-quote"),
            Finding("docs/STATUS.md", 999, "All 20/20 containers running.", rule: "no-such-line"),
            Finding(Path.Combine(outside.Path, "secret.txt"), 1, "All 20/20 containers running.", rule: "outside-root"),
            Finding("../" + Path.GetFileName(outside.Path) + "/secret.txt", 1, "All 20/20 containers running.", rule: "dot-dot")));

        var result = await Run(Context(root.Path, Settings(server)));

        var kept = Assert.Single(result.Findings);
        Assert.Equal("unverified-status-claim", kept.RuleId);
        Assert.Equal(5, result.Metrics["rejected_claims"]);
        Assert.Equal(6, result.Metrics["claimed_findings"]);
        Assert.Contains("5 rejected claims", result.Summary);
        Assert.Contains("hallucinated-file at docs/MISSING.md:1", result.Summary);
        Assert.Contains("does not exist", result.Summary);
        var table = result.Artifacts.Single(a => a.Name == "rejected-claims.md").Content;
        foreach (var rule in new[] { "hallucinated-file", "wrong-quote", "no-such-line", "outside-root", "dot-dot" }) Assert.Contains(rule, table);
    }

    [Fact]
    public async Task Quote_off_by_a_line_moves_to_where_it_really_is()
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", StatusDoc);
        await using var server = FakeOpenAiServer.Start(Final("ok", Finding("docs/STATUS.md", 4, "20/20 containers running")));

        var result = await Run(Context(root.Path, Settings(server)));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(3, finding.Location!.Line);
        Assert.Equal("4", finding.Properties["claimed-line"]);
    }

    [Fact]
    public async Task Invalid_json_reply_is_retried_with_a_correction()
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", StatusDoc);
        await using var server = FakeOpenAiServer.Start(
            new TextTurn("Sure! Here is what I found: {\"summary\": \"partial"),
            new TextTurn("{\"summary\": \"s\", \"findings\": [{\"rule_id\": \"x\", \"severity\": \"SEVERE\"}]}"),
            Final("Checked.", Finding("docs/STATUS.md", 3, "All 20/20 containers running.")));

        var result = await Run(Context(root.Path, Settings(server)));

        Assert.Single(result.Findings);
        Assert.Equal(2, result.Metrics["repairs"]);
        Assert.Contains("not valid JSON", server.Requests[1]);
        Assert.Contains("findings[0].severity must be one of", server.Requests[2]);
        Assert.Contains("findings[0].path is required", server.Requests[2]);
    }

    [Fact]
    public async Task Still_invalid_after_repairs_fails_and_keeps_the_raw_reply()
    {
        using var root = new TempTree();
        await using var server = FakeOpenAiServer.Start(new TextTurn("I think everything is fine."), new TextTurn("Everything is still fine, no JSON today."));
        var settings = Settings(server);
        settings["max-repairs"] = "1";

        var e = await Assert.ThrowsAsync<LlmOutputException>(() => Run(Context(root.Path, settings)));

        Assert.Contains("still invalid after 1 corrections", e.Message);
        Assert.Contains("Everything is still fine, no JSON today.", e.Message);
        Assert.Equal(0, server.RemainingTurns);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_planted_secret_never_reaches_the_server(bool stream)
    {
        using var root = new TempTree();
        var secret = TestSecrets.OpenAiKey(20251227);
        root.Write("config/.env", $"# production\nOPENAI_API_KEY={secret}\nDEBUG=false\n");
        var redactedLine = "OPENAI_API_KEY=" + Redaction.Redact(secret);
        await using var server = FakeOpenAiServer.Start(
            new ToolCallsTurn(
                new ToolCallScript("read_file", new { path = "config/.env" }),
                new ToolCallScript("search_text", new { query = "API_KEY" }),
                new ToolCallScript("read_upstream", new { })),
            Final("A live key sits in config/.env.", Finding("config/.env", 2, redactedLine, rule: "plaintext-api-key", severity: "CRITICAL")));
        var settings = Settings(server, stream);
        settings["instructions"] = $"The old key {secret} was rotated; check whether it is still in the files.";
        var upstream = new[]
        {
            new PriorOutput("scan-1", "secrets", AgentRole.Scanner, AgentState.Succeeded, $"found {secret} in config/.env",
                [new Finding { RuleId = "k", Title = "key", Severity = Severity.Critical, Category = "secrets", Message = $"value {secret}" }], []),
        };
        var scrubber = new TestSecretScrubber();

        var result = await Run(Context(root.Path, settings, scrubber, upstream: upstream));

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, body => Assert.DoesNotContain(secret, body));
        Assert.Contains(Redaction.Redact(secret), server.Requests[1]);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(new SourceLocation("config/.env", 2), finding.Location);
        Assert.DoesNotContain(secret, finding.Evidence);
        Assert.DoesNotContain(secret, result.Summary);
        Assert.True(scrubber.Calls > 0);
    }

    [Fact]
    public async Task Spent_run_budget_makes_later_llm_agents_skip()
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", StatusDoc);
        await using var server = FakeOpenAiServer.Start(
            Final("Checked.") with { PromptTokens = 10_000, CompletionTokens = 5_000 },
            Final("never sent"));
        var services = new RunServices();
        var parameters = new Dictionary<string, string> { [LlmBudget.RunParameter] = "0.01" };
        var settings = Settings(server);

        var first = await Run(Context(root.Path, settings, services: services, runParameters: parameters));
        var skipped = await Assert.ThrowsAsync<AgentSkippedException>(() =>
            Run(Context(root.Path, settings, services: services, runParameters: parameters, agentId: "llm-2")));

        Assert.Equal(0.02, first.Metrics["cost_usd"], 9);
        Assert.Equal("run budget of $0.01 spent ($0.02)", skipped.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Per_agent_max_usd_stops_the_conversation()
    {
        using var root = new TempTree();
        root.Write("docs/STATUS.md", StatusDoc);
        await using var server = FakeOpenAiServer.Start(
            new ToolCallsTurn(new ToolCallScript("list_files", new { })) { PromptTokens = 100_000 },
            Final("never sent"));
        var settings = Settings(server);
        settings["max-usd"] = "0.05";

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(Context(root.Path, settings)));

        Assert.Contains("max-usd of $0.05 spent ($0.10)", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Model_parameters_from_the_plan_reach_the_server()
    {
        using var root = new TempTree();
        await using var server = FakeOpenAiServer.Start(Final("Nothing."));
        var settings = Settings(server);
        settings["json-mode"] = "true";
        settings["temperature"] = "0";
        settings["max-output-tokens"] = "900";
        settings["model"] = "gpt-4o-mini";

        await Run(Context(root.Path, settings));

        var request = server.ParsedRequests[0];
        Assert.Equal("json_object", request["response_format"]?["type"]?.GetValue<string>());
        Assert.Equal(0, request["temperature"]!.GetValue<double>());
        Assert.Equal("gpt-4o-mini", request["model"]!.GetValue<string>());
        Assert.Equal("system", request["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Contains("verification agent", request["messages"]![0]!["content"]!.ToJsonString());
        Assert.Contains("Check the status claims", request["messages"]![1]!["content"]!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_price_and_missing_usage_are_reported_as_not_measured()
    {
        using var root = new TempTree();
        await using var server = FakeOpenAiServer.Start(Final("Nothing to report.") with { OmitUsage = true });
        var settings = Settings(server);
        settings.Remove("pricing");
        settings["model"] = "llama3.1:8b";

        var result = await Run(Context(root.Path, settings));

        Assert.False(result.Metrics.ContainsKey("cost_usd"));
        Assert.Contains("cost not measured (no price for 'llama3.1:8b'", result.Summary);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hung_server_gives_way_to_cancellation_promptly(bool stream)
    {
        using var root = new TempTree();
        await using var server = FakeOpenAiServer.Start(new HangTurn());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(Context(root.Path, Settings(server, stream)), cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {watch.Elapsed}");
    }

    [Fact]
    public async Task Rejected_key_is_a_clear_error_naming_api_key_env()
    {
        using var root = new TempTree();
        await using var server = FakeOpenAiServer.Start(new StatusTurn(401, "Incorrect API key provided"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(Context(root.Path, Settings(server))));

        Assert.Contains("HTTP 401", e.Message);
        Assert.Contains("api-key-env", e.Message);
    }

    [Fact]
    public async Task Api_key_comes_from_the_named_variable_and_goes_only_in_the_header()
    {
        using var root = new TempTree();
        var variable = "MUSTER_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8];
        var key = TestSecrets.OpenAiKey(99);
        Environment.SetEnvironmentVariable(variable, key);
        try
        {
            await using var server = FakeOpenAiServer.Start(Final("Nothing."));
            var settings = Settings(server);
            settings["api-key-env"] = variable;

            await Run(Context(root.Path, settings));

            Assert.DoesNotContain(key, server.Requests[0]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_tool_the_agent_does_not_have_runs_nothing()
    {
        using var root = new TempTree();
        var marker = Path.Combine(root.Path, "pwned");
        await using var server = FakeOpenAiServer.Start(
            new ToolCallsTurn(
                new ToolCallScript("run_shell", new { command = $"touch {marker}" }),
                new ToolCallScript("execute", new { program = "touch", args = new[] { marker } })),
            Final("Nothing."));

        await Run(Context(root.Path, Settings(server)));

        Assert.False(File.Exists(marker));
        Assert.Contains("there is no tool 'run_shell'", server.Requests[1]);
        Assert.Contains("there is no tool 'execute'", server.Requests[1]);
    }

    [Fact]
    public async Task Last_allowed_turn_offers_no_tools_and_then_the_agent_fails_clearly()
    {
        using var root = new TempTree();
        await using var server = FakeOpenAiServer.Start(
            new ToolCallsTurn(new ToolCallScript("list_files", new { })),
            new ToolCallsTurn(new ToolCallScript("list_files", new { })));
        var settings = Settings(server);
        settings["max-turns"] = "2";

        var e = await Assert.ThrowsAsync<LlmOutputException>(() => Run(Context(root.Path, settings)));

        Assert.Contains("max-turns (2", e.Message);
        Assert.Equal("none", server.ParsedRequests[1]["tool_choice"]?.GetValue<string>());
        Assert.Contains("No more tool calls are possible", server.Requests[1]);
    }
}
