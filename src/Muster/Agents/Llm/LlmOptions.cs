using Muster.Model;

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
        readEnvironment ??= Environment.GetEnvironmentVariable;
        var s = context.Settings;
        var baseUrlText = s.GetString("base-url");
        if (s.GetString("base-url-env") is { } baseUrlEnv)
        {
            if (baseUrlText is not null) throw new AgentSettingsException("set either 'base-url' or 'base-url-env', not both");
            baseUrlText = readEnvironment(baseUrlEnv)
                ?? throw new AgentSettingsException($"base-url-env: the environment variable '{baseUrlEnv}' is not set");
        }
        if (baseUrlText is null) throw new AgentSettingsException("setting 'base-url' (or 'base-url-env') is required, e.g. http://localhost:11434/v1");
        if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new AgentSettingsException($"'{baseUrlText}' is not an http(s) URL for base-url");
        }

        string? apiKey = null;
        if (s.GetString("api-key-env") is { } keyEnv)
        {
            apiKey = readEnvironment(keyEnv);
            // A plan shared between a keyless local server and a hosted one marks the key optional.
            if (string.IsNullOrEmpty(apiKey) && !s.GetBool("api-key-optional", false))
            {
                throw new AgentSettingsException($"api-key-env: the environment variable '{keyEnv}' is not set");
            }
            if (string.IsNullOrEmpty(apiKey)) apiKey = null;
        }
        if (s.Has("api-key"))
        {
            throw new AgentSettingsException("an API key never goes in a plan: put it in an environment variable and name it in 'api-key-env'");
        }

        var templateName = s.GetString("role-template") ?? RoleTemplates.ForRole(context.Role).Name;
        var model = s.GetString("model");
        if (s.GetString("model-env") is { } modelEnv)
        {
            if (model is not null) throw new AgentSettingsException("set either 'model' or 'model-env', not both");
            model = readEnvironment(modelEnv) ?? throw new AgentSettingsException($"model-env: the environment variable '{modelEnv}' is not set");
        }
        if (string.IsNullOrWhiteSpace(model)) throw new AgentSettingsException("setting 'model' (or 'model-env') is required");
        var pricing = s.GetSection("pricing");
        var price = pricing.Values.Count > 0
            ? new ModelPrice((decimal)NonNegative(pricing.GetDouble("input", -1), "pricing.input"),
                (decimal)NonNegative(pricing.GetDouble("output", -1), "pricing.output"))
            : PricingTable.Default.Find(model);
        var temperature = s.Has("temperature") ? (float?)s.GetDouble("temperature", 0) : null;
        var maxUsd = s.Has("max-usd") ? (decimal?)NonNegative(s.GetDouble("max-usd", 0), "max-usd") : null;
        var instructions = s.GetRequiredString("instructions");

        return new LlmOptions
        {
            BaseUrl = baseUrl,
            Model = model,
            ApiKey = apiKey,
            Template = RoleTemplates.Get(templateName),
            Instructions = instructions,
            MaxTurns = AtLeast(s.GetInt("max-turns", DefaultMaxTurns), 1, "max-turns"),
            MaxRepairs = AtLeast(s.GetInt("max-repairs", 2), 0, "max-repairs"),
            Temperature = temperature,
            MaxOutputTokens = s.Has("max-output-tokens") ? AtLeast(s.GetInt("max-output-tokens", 0), 1, "max-output-tokens") : null,
            Price = price,
            MaxUsd = maxUsd,
            Stream = s.GetBool("stream", false),
            JsonMode = s.GetBool("json-mode", false),
            RequestTimeout = s.GetDuration("request-timeout", TimeSpan.FromMinutes(10)),
            LineTolerance = AtLeast(s.GetInt("line-tolerance", 2), 0, "line-tolerance"),
        };
    }

    private static double NonNegative(double value, string key) =>
        value >= 0 ? value : throw new AgentSettingsException($"setting '{key}' must be a number of US dollars, 0 or more");

    private static int AtLeast(int value, int min, string key) =>
        value >= min ? value : throw new AgentSettingsException($"setting '{key}' must be {min} or more");
}
