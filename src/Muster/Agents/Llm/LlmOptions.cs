namespace Muster.Agents.Llm;

/// <summary>An LLM agent's <c>with:</c> block, checked. The API key is never a setting: only the name of the variable holding it.</summary>
internal sealed record LlmOptions
{
    public const int DefaultMaxTurns = 20;

    /// <summary>The <c>with:</c> block as read; what it names indirectly is resolved into the properties below.</summary>
    public required LlmSettings Settings { get; init; }

    /// <summary><see cref="LlmSettings.BaseUrl"/>, or the value of <see cref="LlmSettings.BaseUrlEnv"/>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary><see cref="LlmSettings.Model"/>, or the value of <see cref="LlmSettings.ModelEnv"/>.</summary>
    public required string Model { get; init; }

    /// <summary>The value of <see cref="LlmSettings.ApiKeyEnv"/>; null: none sent.</summary>
    public string? ApiKey { get; init; }

    /// <summary><see cref="LlmSettings.Template"/>, else the template of the agent's role.</summary>
    public required RoleTemplate Template { get; init; }

    /// <summary><see cref="LlmSettings.Price"/>, else the pricing table's for <see cref="Model"/>; null: not known.</summary>
    public ModelPrice? Price { get; init; }

    public static LlmOptions FromContext(AgentContext context)
    {
        var readEnvironment = context.Environment.Get;
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
            Settings = s,
            BaseUrl = baseUrl!,
            Model = model,
            ApiKey = apiKey,
            Template = s.Template ?? RoleTemplates.ForRole(context.Role),
            Price = s.Price ?? PricingTable.Default.Find(model),
        };
    }
}
