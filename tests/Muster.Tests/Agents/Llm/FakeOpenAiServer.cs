using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Agents.Llm;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions protocol (POST /v1/chat/completions, plain
/// JSON or <c>stream: true</c> server-sent events, tool calls, usage) from a script of turns. It keeps every request
/// body so tests can assert what reached "the model".
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<ScriptedTurn> _turns;
    private readonly ConcurrentQueue<string> _requests = new();
    private int _callIds;

    private FakeOpenAiServer(IEnumerable<ScriptedTurn> turns)
    {
        _turns = new ConcurrentQueue<ScriptedTurn>(turns);
        _server = new LoopbackHttpServer(HandleAsync);
        BaseUrl = _server.Origin + "/v1";
    }

    public string BaseUrl { get; }

    public IReadOnlyList<string> Requests => _requests.ToList();

    public int RemainingTurns => _turns.Count;

    public static FakeOpenAiServer Start(params ScriptedTurn[] turns) => new(turns);

    /// <summary>The request bodies parsed, in order.</summary>
    public IReadOnlyList<JsonNode> ParsedRequests => Requests.Select(r => JsonNode.Parse(r)!).ToList();

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stop)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            if (context.Request.HttpMethod != "POST" || !context.Request.Url!.AbsolutePath.EndsWith("/v1/chat/completions", StringComparison.Ordinal))
            {
                await WriteJson(response, 404, """{"error":{"message":"not found","type":"invalid_request_error"}}""");
                return;
            }
            _requests.Enqueue(body);
            var request = JsonNode.Parse(body)!;
            var model = request["model"]?.GetValue<string>() ?? "unknown";
            var stream = request["stream"]?.GetValue<bool>() ?? false;
            if (!_turns.TryDequeue(out var turn))
            {
                await WriteJson(response, 500, """{"error":{"message":"the test script has no more turns","type":"server_error"}}""");
                return;
            }
            switch (turn)
            {
                case HangTurn:
                    await Task.Delay(Timeout.Infinite, stop);
                    return;
                case StatusTurn status:
                    await WriteJson(response, status.Status,
                        new JsonObject { ["error"] = new JsonObject { ["message"] = status.Message, ["type"] = "error", ["code"] = status.Status } }.ToJsonString());
                    return;
            }
            var message = AssistantMessage(turn, out var finishReason);
            if (stream)
            {
                await WriteStream(response, model, message, finishReason, turn);
            }
            else
            {
                var completion = new JsonObject
                {
                    ["id"] = "chatcmpl-test",
                    ["object"] = "chat.completion",
                    ["created"] = 1_766_000_000,
                    ["model"] = model,
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = message,
                        ["logprobs"] = null,
                        ["finish_reason"] = finishReason,
                    }),
                };
                if (!turn.OmitUsage) completion["usage"] = Usage(turn);
                await WriteJson(response, 200, completion.ToJsonString());
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // the client went away (cancelled): nothing to answer
        }
        catch (IOException)
        {
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private JsonObject AssistantMessage(ScriptedTurn turn, out string finishReason)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        if (turn is ToolCallsTurn calls)
        {
            message["content"] = null;
            message["tool_calls"] = new JsonArray(calls.Calls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{Interlocked.Increment(ref _callIds)}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonSerializer.Serialize(c.Arguments) },
            }).ToArray());
            finishReason = "tool_calls";
        }
        else
        {
            message["content"] = ((TextTurn)turn).Content;
            finishReason = "stop";
        }
        return message;
    }

    private static async Task WriteStream(HttpListenerResponse response, string model, JsonObject message, string finishReason, ScriptedTurn turn)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        var output = response.OutputStream;
        async Task Send(JsonObject delta, string? finish, bool usage = false)
        {
            var chunk = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_766_000_000,
                ["model"] = model,
                ["choices"] = usage ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
            };
            if (usage) chunk["usage"] = Usage(turn);
            await output.WriteAsync(Encoding.UTF8.GetBytes("data: " + chunk.ToJsonString() + "\n\n"));
            await output.FlushAsync();
        }
        await Send(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        if (message["tool_calls"] is JsonArray calls)
        {
            var index = 0;
            foreach (var call in calls)
            {
                var arguments = call!["function"]!["arguments"]!.GetValue<string>();
                var half = arguments.Length / 2;
                // The first delta names the call; the arguments arrive split over two deltas, as real servers send them.
                await Send(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = index,
                        ["id"] = call["id"]!.GetValue<string>(),
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = call["function"]!["name"]!.GetValue<string>(), ["arguments"] = arguments[..half] },
                    }),
                }, null);
                await Send(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = index, ["function"] = new JsonObject { ["arguments"] = arguments[half..] } }),
                }, null);
                index++;
            }
        }
        else
        {
            var content = message["content"]!.GetValue<string>();
            // Split the text into a few pieces so the client has to reassemble it.
            for (var i = 0; i < content.Length; i += 40)
            {
                await Send(new JsonObject { ["content"] = content.Substring(i, Math.Min(40, content.Length - i)) }, null);
            }
        }
        await Send(new JsonObject(), finishReason);
        if (!turn.OmitUsage) await Send(new JsonObject(), null, usage: true);
        await output.WriteAsync("data: [DONE]\n\n"u8.ToArray());
        await output.FlushAsync();
    }

    private static JsonObject Usage(ScriptedTurn turn) => new()
    {
        ["prompt_tokens"] = turn.PromptTokens,
        ["completion_tokens"] = turn.CompletionTokens,
        ["total_tokens"] = turn.PromptTokens + turn.CompletionTokens,
    };

    private static async Task WriteJson(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
