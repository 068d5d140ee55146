using Microsoft.Extensions.AI;

namespace Muster.Agents.Llm;

/// <summary>
/// The last step before the wire: every text and tool result in every message sent to the model passes through the
/// secret scrubber, whatever built the message.
/// </summary>
internal sealed class ScrubbingChatClient(IChatClient inner, ISecretScrubber scrubber) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Scrub(messages), ScrubOptions(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Scrub(messages), ScrubOptions(options), cancellationToken);

    private ChatOptions? ScrubOptions(ChatOptions? options)
    {
        if (options?.Instructions is not { } instructions) return options;
        var copy = options.Clone();
        copy.Instructions = scrubber.Scrub(instructions);
        return copy;
    }

    private List<ChatMessage> Scrub(IEnumerable<ChatMessage> messages) => messages.Select(message =>
    {
        var contents = message.Contents.Select(content => content switch
        {
            TextContent text => new TextContent(scrubber.Scrub(text.Text)),
            FunctionResultContent result => new FunctionResultContent(result.CallId, result.Result switch
            {
                string s => scrubber.Scrub(s),
                null => null,
                var other => scrubber.Scrub(other.ToString() ?? ""),
            }),
            _ => content,
        }).ToList();
        return new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId };
    }).ToList();
}
