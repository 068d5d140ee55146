using Muster.Agents;
using Muster.Agents.Llm;
using Muster.Composition;
using Muster.Model;
using Muster.Tests.Agents.Command;

namespace Muster.Tests.Agents.Llm;

public class ContractTests
{
    [Fact]
    public void Fenced_json_reply_is_accepted()
    {
        var ok = ReplyParser.TryParse("```json\n{\"summary\":\"s\",\"findings\":[]}\n```", out var reply, out var errors);
        Assert.True(ok, string.Join("; ", errors));
        Assert.Equal("s", reply.Summary);
    }

    [Fact]
    public void Every_problem_is_named_with_its_place()
    {
        var ok = ReplyParser.TryParse("""{"findings":[{"rule_id":"bad id!","title":"t","severity":"URGENT","category":"c","message":"m","path":"p","line":0,"quote":"q"}, 3]}""",
            out _, out var errors);
        Assert.False(ok);
        Assert.Contains("'summary' must be a string", errors);
        Assert.Contains(errors, e => e.StartsWith("findings[0].rule_id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("findings[0].severity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("findings[0].line", StringComparison.Ordinal));
        Assert.Contains("findings[1] must be an object", errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"summary\":\"s\"}")]
    [InlineData("Here you go: {\"summary\":\"s\",\"findings\":[]}")]
    public void Replies_outside_the_contract_are_invalid(string text)
    {
        Assert.False(ReplyParser.TryParse(text, out _, out var errors));
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("gpt-4o-mini-2024-07-18", 0.15, 0.60)]
    [InlineData("gpt-4o", 2.50, 10.00)]
    [InlineData("openai/gpt-4.1-mini", 0.40, 1.60)]
    public void Pricing_table_matches_the_longest_known_prefix(string model, double input, double output)
    {
        var price = PricingTable.Default.Find(model);
        Assert.NotNull(price);
        Assert.Equal((decimal)input, price.InputPerMillion);
        Assert.Equal((decimal)output, price.OutputPerMillion);
    }

    [Fact]
    public void Unknown_models_have_no_price()
    {
        Assert.Null(PricingTable.Default.Find("llama3.1:8b"));
    }

    [Fact]
    public void Cost_is_per_million_tokens()
    {
        Assert.Equal(0.0035m, new ModelPrice(1m, 2m).Cost(1500, 1000));
    }

    private static AgentContext Context(Dictionary<string, object?> settings, AgentRole role = AgentRole.Analysis, Dictionary<string, string>? environment = null) => new()
    {
        Environment = new FixedAgentEnvironment(environment ?? []),
        RunId = "r",
        AgentId = "a",
        Kind = "llm",
        Role = role,
        Root = "/tmp",
        Settings = new AgentSettings(settings),
    };

    private static Dictionary<string, object?> Minimal() => new()
    {
        ["base-url"] = "http://localhost:11434/v1",
        ["model"] = "qwen2.5-coder",
        ["instructions"] = "Find gaps.",
    };

    [Fact]
    public void A_literal_api_key_setting_is_refused()
    {
        var settings = Minimal();
        settings["api-key"] = "anything";
        var e = Assert.Throws<AgentSettingsException>(() => LlmOptions.FromContext(Context(settings)));
        Assert.Contains("api-key-env", e.Message);
    }

    [Fact]
    public void Api_key_env_must_name_a_set_variable()
    {
        var settings = Minimal();
        settings["api-key-env"] = "MUSTER_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        Assert.Throws<AgentSettingsException>(() => LlmOptions.FromContext(Context(settings)));
    }

    [Fact]
    public void Base_url_can_come_from_an_environment_variable()
    {
        var settings = Minimal();
        settings.Remove("base-url");
        settings["base-url-env"] = "MUSTER_LLM_BASE_URL";
        var options = LlmOptions.FromContext(Context(settings, environment: new() { ["MUSTER_LLM_BASE_URL"] = "http://127.0.0.1:1234/v1" }));
        Assert.Equal(new Uri("http://127.0.0.1:1234/v1"), options.BaseUrl);
    }

    [Fact]
    public void Model_and_optional_key_can_come_from_the_environment()
    {
        var settings = Minimal();
        settings.Remove("model");
        settings["model-env"] = "M";
        settings["api-key-env"] = "K";
        settings["api-key-optional"] = "true";
        var options = LlmOptions.FromContext(Context(settings, environment: new() { ["M"] = "gpt-4o-mini" }));
        Assert.Equal("gpt-4o-mini", options.Model);
        Assert.Null(options.ApiKey);
        Assert.Equal(0.15m, options.Price!.InputPerMillion);
    }

    [Theory]
    [InlineData(AgentRole.Research, "research")]
    [InlineData(AgentRole.Analysis, "analysis")]
    [InlineData(AgentRole.Verification, "verification")]
    public void Role_template_defaults_to_the_agent_role(AgentRole role, string template)
    {
        Assert.Equal(template, LlmOptions.FromContext(Context(Minimal(), role)).Template.Name);
    }

    [Fact]
    public void Plan_pricing_overrides_the_table()
    {
        var settings = Minimal();
        settings["pricing"] = new Dictionary<string, object?> { ["input"] = "0", ["output"] = "0" };
        Assert.Equal(new ModelPrice(0, 0), LlmOptions.FromContext(Context(settings)).Price);
    }

    [Fact]
    public void Budget_is_shared_and_thread_safe()
    {
        var services = new RunServices();
        var context = new AgentContext
        {
            RunId = "r",
            AgentId = "a",
            Kind = "llm",
            Role = AgentRole.Analysis,
            Root = "/tmp",
            Services = services,
            RunParameters = new Dictionary<string, string> { [LlmBudget.RunParameter] = "1" },
        };
        var budget = LlmBudget.For(context);
        Parallel.For(0, 1000, _ => LlmBudget.For(context).Charge(0.001m));
        Assert.Same(budget, LlmBudget.For(context));
        Assert.Equal(1.000m, budget.SpentUsd);
        Assert.Throws<AgentSkippedException>(budget.EnsureAvailable);
    }

    [Fact]
    public void Both_agents_are_registered_but_not_in_the_default_plan()
    {
        var registry = BuiltInAgents.CreateRegistry();
        Assert.False(registry.Get("llm").InDefaultPlan);
        Assert.False(registry.Get("command").InDefaultPlan);
        Assert.Equal(AgentRole.Analysis, registry.Get("llm").DefaultRole);
        Assert.Equal(AgentRole.Verification, registry.Get("command").DefaultRole);
    }
}
