namespace Muster.Agents.Llm;

/// <summary>
/// The LLM agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs. The
/// variables it names (<c>*-env</c>) are read by <see cref="LlmOptions"/> when it runs.
/// </summary>
internal sealed record LlmSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("base-url", SettingType.Url, null, "The OpenAI-compatible endpoint (ends in `/v1` for most servers).") { Required = true },
        new("base-url-env", SettingType.Text, null, "The name of an environment variable holding the endpoint.") { InsteadOf = "base-url", Sample = "MUSTER_TEST_BASE_URL" },
        new("model", SettingType.Text, null, "Model id (Azure: the deployment name).") { Required = true },
        new("model-env", SettingType.Text, null, "The name of an environment variable holding the model id.") { InsteadOf = "model", Sample = "MUSTER_TEST_MODEL" },
        new("api-key-env", SettingType.Text, null, "Name of the environment variable holding the API key. A key is never a plan setting (`api-key:` is refused).") { Unset = "no key sent" },
        new("api-key-optional", SettingType.Flag, "false", "`true` lets the `api-key-env` variable be unset (local servers need no key), so one plan serves both."),
        new("role-template", SettingType.OneOf(RoleTemplates.All.Select(t => t.Name).ToList()), null, "The built-in system prompt.") { Unset = "the agent's role's" },
        new("instructions", SettingType.Text, null, "The task.") { Required = true },
        new("max-turns", SettingType.WholeNumber(min: 1), $"{LlmOptions.DefaultMaxTurns}", "Model calls allowed. The last one offers no tools, so the model must answer."),
        new("max-repairs", SettingType.WholeNumber(min: 0), "2", "Corrective messages after an invalid answer; then the agent fails, keeping the last raw reply (scrubbed) in its error."),
        new("pricing", new SettingType("mapping `{input, output}` of US dollars per million tokens", "{input: 0.15, output: 0.6}", "{input: -1, output: 0}"), null, "The model's price. A model with no price gets \"cost not measured\", never $0: set `{input: 0, output: 0}` for a free local model.") { Unset = "`src/Muster/Agents/Llm/llm-pricing.muster.yaml`'s price for the model" },
        new("max-usd", SettingType.Number(min: 0), null, "This agent's spending cap: the conversation stops (the agent fails) once it is reached.") { Unset = "no cap" },
        new("temperature", SettingType.Number(min: 0), null, "Passed to the model.") { Unset = "the server's" },
        new("max-output-tokens", SettingType.WholeNumber(min: 1), null, "Passed to the model.") { Unset = "the server's" },
        new("stream", SettingType.Flag, "false", "`true` to use server-sent events."),
        new("json-mode", SettingType.Flag, "false", "`true` to ask the server for a JSON-object response format (not every server supports it with tools)."),
        new("request-timeout", SettingType.Duration, "10m", "Per HTTP request; the plan's soft and hard timeouts still apply."),
        new("line-tolerance", SettingType.WholeNumber(min: 0), "2", "How far (in lines) a correct quote may be from the claimed line; the finding moves to the real line."),
    ];

    public Uri? BaseUrl { get; init; }
    public string? BaseUrlEnv { get; init; }
    public string? Model { get; init; }
    public string? ModelEnv { get; init; }
    public string? ApiKeyEnv { get; init; }
    public bool ApiKeyOptional { get; init; }

    /// <summary>Null: the template of the agent's role.</summary>
    public RoleTemplate? Template { get; init; }
    public required string Instructions { get; init; }
    public int MaxTurns { get; init; } = LlmOptions.DefaultMaxTurns;
    public int MaxRepairs { get; init; } = 2;
    public float? Temperature { get; init; }
    public int? MaxOutputTokens { get; init; }

    /// <summary>The plan's <c>pricing: {input, output}</c> in US dollars per million tokens; null: the pricing table's.</summary>
    public ModelPrice? Price { get; init; }
    public decimal? MaxUsd { get; init; }
    public bool Stream { get; init; }
    public bool JsonMode { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public int LineTolerance { get; init; } = 2;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, a literal key, or a required setting missing.</exception>
    public static LlmSettings From(AgentSettings s)
    {
        if (s.Has("api-key"))
        {
            throw new AgentSettingsException("an API key never goes in a plan: put it in an environment variable and name it in 'api-key-env'") { Key = "api-key" };
        }
        var pricing = s.GetSection("pricing");
        var read = new LlmSettings
        {
            BaseUrl = s.GetString("base-url") is { } url ? HttpUrl(url, "base-url") : null,
            BaseUrlEnv = s.GetString("base-url-env"),
            Model = s.GetString("model") is { } model && !string.IsNullOrWhiteSpace(model) ? model : null,
            ModelEnv = s.GetString("model-env"),
            ApiKeyEnv = s.GetString("api-key-env"),
            ApiKeyOptional = s.GetBool("api-key-optional", false),
            Template = s.GetChoice("role-template", RoleTemplates.All.Select(t => t.Name).ToList()) is { } name ? RoleTemplates.Get(name) : null,
            Instructions = s.GetString("instructions") ?? "",
            MaxTurns = s.GetInt("max-turns", LlmOptions.DefaultMaxTurns, min: 1),
            MaxRepairs = s.GetInt("max-repairs", 2, min: 0),
            Temperature = s.Has("temperature") ? (float)s.GetDouble("temperature", 0, min: 0) : null,
            MaxOutputTokens = s.GetOptionalInt("max-output-tokens", min: 1),
            Price = pricing.Values.Count > 0 ? new ModelPrice(Dollars(pricing, "input"), Dollars(pricing, "output")) : null,
            MaxUsd = s.Has("max-usd") ? (decimal)s.GetDouble("max-usd", 0, min: 0) : null,
            Stream = s.GetBool("stream", false),
            JsonMode = s.GetBool("json-mode", false),
            RequestTimeout = s.GetDuration("request-timeout", TimeSpan.FromMinutes(10), min: TimeSpan.FromMilliseconds(1)),
            LineTolerance = s.GetInt("line-tolerance", 2, min: 0),
        };
        if (read.BaseUrl is not null && read.BaseUrlEnv is not null)
        {
            throw new AgentSettingsException("set either 'base-url' or 'base-url-env', not both") { Key = "base-url-env" };
        }
        if (read.Model is not null && read.ModelEnv is not null)
        {
            throw new AgentSettingsException("set either 'model' or 'model-env', not both") { Key = "model-env" };
        }
        if (read.BaseUrl is null && read.BaseUrlEnv is null)
        {
            throw new AgentSettingsException("setting 'base-url' (or 'base-url-env') is required, e.g. http://localhost:11434/v1") { Key = "base-url", Missing = true };
        }
        if (read.Model is null && read.ModelEnv is null)
        {
            throw new AgentSettingsException("setting 'model' (or 'model-env') is required") { Key = "model", Missing = true };
        }
        _ = s.GetRequiredString("instructions");
        return read;
    }

    /// <exception cref="AgentSettingsException">Not an absolute http(s) URL.</exception>
    public static Uri HttpUrl(string text, string key) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new AgentSettingsException($"'{text}' is not an http(s) URL for {key}") { Key = key };

    private static decimal Dollars(AgentSettings pricing, string key)
    {
        var value = pricing.GetDouble(key, -1);
        return value >= 0 ? (decimal)value
            : throw new AgentSettingsException($"setting 'pricing.{key}' must be a number of US dollars, 0 or more") { Key = "pricing." + key };
    }
}
