namespace Muster.Agents.Llm;

/// <summary>An LLM agent's <c>with:</c> block, checked. The API key is never a setting: only the name of the variable holding it.</summary>
internal sealed record LlmOptions
{
    public const int DefaultMaxTurns = 20;

    public required Uri BaseUrl { get; init; }
    public required string Model { get; init; }
    public string? ApiKey { get; init; }
    public required RoleTemplate Template { get; init; }
    public required string Instructions { get; init; }
    public int MaxTurns { get; init; } = DefaultMaxTurns;
    public int MaxRepairs { get; init; } = 2;
    public float? Temperature { get; init; }
    public int? MaxOutputTokens { get; init; }
    public ModelPrice? Price { get; init; }
    public decimal? MaxUsd { get; init; }
    public bool Stream { get; init; }
    public bool JsonMode { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public int LineTolerance { get; init; } = 2;

    public static LlmOptions FromContext(AgentContext context, Func<string, string?>? readEnvironment = null)
    {
        readEnvironment ??= context.Environment.Get;
        var s = LlmSettings.From(context.Settings);
        var baseUrl = s.BaseUrl;
        if (s.BaseUrlEnv is { } baseUrlEnv)
        {
            var text = readEnvironment(baseUrlEnv)
                ?? throw new AgentSettingsException($"base-url-env: the environment variable '{baseUrlEnv}' is not set");
            baseUrl = LlmSettings.HttpUrl(text, "base-url");
        }

        string? apiKey = null;
        if (s.ApiKeyEnv is { } keyEnv)
        {
            apiKey = readEnvironment(keyEnv);
            // A plan shared between a keyless local server and a hosted one marks the key optional.
            if (string.IsNullOrEmpty(apiKey) && !s.ApiKeyOptional)
            {
                throw new AgentSettingsException($"api-key-env: the environment variable '{keyEnv}' is not set");
            }
            if (string.IsNullOrEmpty(apiKey)) apiKey = null;
        }

        var model = s.Model;
        if (s.ModelEnv is { } modelEnv)
        {
            model = readEnvironment(modelEnv) ?? throw new AgentSettingsException($"model-env: the environment variable '{modelEnv}' is not set");
        }
        if (string.IsNullOrWhiteSpace(model)) throw new AgentSettingsException($"model-env: the environment variable '{s.ModelEnv}' is empty");

        return new LlmOptions
        {
            BaseUrl = baseUrl!,
            Model = model,
            ApiKey = apiKey,
            Template = s.Template ?? RoleTemplates.ForRole(context.Role),
            Instructions = s.Instructions,
            MaxTurns = s.MaxTurns,
            MaxRepairs = s.MaxRepairs,
            Temperature = s.Temperature,
            MaxOutputTokens = s.MaxOutputTokens,
            Price = s.Price ?? PricingTable.Default.Find(model),
            MaxUsd = s.MaxUsd,
            Stream = s.Stream,
            JsonMode = s.JsonMode,
            RequestTimeout = s.RequestTimeout,
            LineTolerance = s.LineTolerance,
        };
    }
}
