namespace Muster.Tests.Agents.Llm;

/// <summary>What the fake server answers to one chat-completions request.</summary>
internal abstract record ScriptedTurn
{
    public int PromptTokens { get; init; } = 100;
    public int CompletionTokens { get; init; } = 50;
    public bool OmitUsage { get; init; }
}

/// <summary>An assistant message with text content (the final answer, valid or not).</summary>
internal sealed record TextTurn(string Content) : ScriptedTurn;

/// <summary>An assistant message asking for tool calls; arguments are serialised to JSON.</summary>
internal sealed record ToolCallsTurn(params ToolCallScript[] Calls) : ScriptedTurn;

internal sealed record ToolCallScript(string Name, object Arguments);

/// <summary>Never answers: headers are not even sent until the client gives up or the server stops.</summary>
internal sealed record HangTurn : ScriptedTurn;

/// <summary>An HTTP error status with an OpenAI-style error body.</summary>
internal sealed record StatusTurn(int Status, string Message) : ScriptedTurn;
