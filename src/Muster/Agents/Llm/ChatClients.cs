using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Muster.Agents.Llm;

/// <summary>
/// Builds the chat client for an OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM, LM Studio),
/// wrapped so that nothing reaches it unscrubbed.
/// </summary>
internal static class ChatClients
{
    // Local servers (Ollama, LM Studio, vLLM without --api-key) ignore the key, but the client needs a non-empty one.
    private const string NoKey = "no-key";

    public static IChatClient Create(LlmOptions options, ISecretScrubber scrubber)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            NetworkTimeout = options.Settings.RequestTimeout,
            UserAgentApplicationId = "muster",
        };
        var inner = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? NoKey), clientOptions)
            .GetChatClient(options.Model)
            .AsIChatClient();
        return new ScrubbingChatClient(inner, scrubber);
    }
}
