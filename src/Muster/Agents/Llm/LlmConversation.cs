using Microsoft.Extensions.AI;

namespace Muster.Agents.Llm;

/// <summary>
/// One agent's exchange with the model: tool calls are answered (read-only tools only) until the model gives its
/// final JSON; an invalid answer gets a corrective message up to <c>max-repairs</c> times. Every call counts toward
/// <c>max-turns</c>; the last allowed call offers no tools, so the model has to answer.
/// </summary>
internal sealed class LlmConversation(IChatClient client, LlmOptions options, WorkspaceTools tools, UsageTally usage, AgentContext context)
{
    private const int RawReplyChars = 4000;

    public int Turns { get; private set; }
    public int Repairs { get; private set; }

    public async Task<ModelReply> RunAsync(IList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions
        {
            Tools = [.. tools.Functions],
            Temperature = options.Settings.Temperature,
            MaxOutputTokens = options.Settings.MaxOutputTokens,
            ResponseFormat = options.Settings.JsonMode ? ChatResponseFormat.Json : null,
            AllowMultipleToolCalls = true,
        };
        string? lastReply = null;
        while (Turns < options.Settings.MaxTurns)
        {
            if (options.Settings.MaxUsd is { } maxUsd && usage.CostUsd >= maxUsd)
            {
                throw new InvalidOperationException(
                    $"max-usd of {LlmBudget.Usd(maxUsd)} spent ({LlmBudget.Usd(usage.CostUsd)}) after {Turns} calls, before a final answer ({usage.Describe()})");
            }
            Turns++;
            chatOptions.ToolMode = Turns == options.Settings.MaxTurns ? ChatToolMode.None : ChatToolMode.Auto;
            context.ReportProgress($"model call {Turns}/{options.Settings.MaxTurns}");
            var response = options.Settings.Stream
                ? await client.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false)
                : await client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            usage.Add(response.Usage);
            messages.AddMessages(response);

            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
            {
                foreach (var call in calls)
                {
                    var result = await tools.InvokeAsync(call, cancellationToken).ConfigureAwait(false);
                    messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
                }
                if (Turns == options.Settings.MaxTurns - 1)
                {
                    messages.Add(new ChatMessage(ChatRole.User, "No more tool calls are possible. Reply now with the final JSON object."));
                }
                continue;
            }

            lastReply = response.Text;
            if (ReplyParser.TryParse(lastReply, out var reply, out var errors)) return reply;
            if (Repairs >= options.Settings.MaxRepairs || Turns >= options.Settings.MaxTurns)
            {
                throw new LlmOutputException(
                    $"the model's answer was still invalid after {Repairs} corrections ({string.Join("; ", errors)}; {usage.Describe()}). Last reply: {Raw(lastReply)}");
            }
            Repairs++;
            messages.Add(new ChatMessage(ChatRole.User,
                "Your reply does not follow the output contract: " + string.Join("; ", errors) +
                ". Reply again with only the JSON object {\"summary\": ..., \"findings\": [...]}."));
        }
        throw new LlmOutputException(
            $"no final answer within max-turns ({options.Settings.MaxTurns} model calls; {usage.Describe()})" + (lastReply is null ? "" : $". Last reply: {Raw(lastReply)}"));
    }

    private string Raw(string? reply)
    {
        var text = context.Scrubber.Scrub(reply ?? "");
        return text.Length <= RawReplyChars ? text : text[..RawReplyChars] + "…(truncated)";
    }
}
