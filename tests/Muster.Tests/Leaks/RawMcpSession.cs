using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Tests.Cli;

namespace Muster.Tests.Leaks;

/// <summary>
/// <c>muster mcp</c> driven over stdio with hand-written JSON-RPC lines, keeping every byte the server wrote to
/// stdout and stderr (an SDK client would show only the parsed answers).
/// </summary>
internal sealed class RawMcpSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _lines = [];
    private int _nextId;

    private RawMcpSession(Process process) => _process = process;

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public static async Task<RawMcpSession> StartAsync(string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(MusterProcess.CliPath);
        info.ArgumentList.Add("mcp");
        info.Environment["CI"] = "true";
        var session = new RawMcpSession(new Process { StartInfo = info });
        session._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (session._stdout)
            {
                session._stdout.AppendLine(e.Data);
                session._lines.Add(e.Data);
            }
        };
        session._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (session._stderr) session._stderr.AppendLine(e.Data); };
        session._process.Start();
        session._process.BeginOutputReadLine();
        session._process.BeginErrorReadLine();
        await session.RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-06-18",
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "leak-test", ["version"] = "1" },
        }, TimeSpan.FromSeconds(60));
        await session.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" });
        return session;
    }

    /// <summary>Calls a tool and returns the JSON its text content holds.</summary>
    public async Task<JsonElement> CallToolAsync(string tool, JsonObject arguments, TimeSpan timeout)
    {
        var result = await RequestAsync("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments }, timeout);
        var text = string.Concat(result.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.False(result.TryGetProperty("isError", out var error) && error.GetBoolean(), $"{tool} failed: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> RequestAsync(string method, JsonObject parameters, TimeSpan timeout)
    {
        var id = ++_nextId;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (FindResponse(id) is { } response)
            {
                Assert.False(response.TryGetProperty("error", out var error), $"{method}: {error}");
                return response.GetProperty("result").Clone();
            }
            Assert.False(_process.HasExited, $"muster mcp exited during {method}: {Stderr}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"no answer to {method} within {timeout}");
    }

    private JsonElement? FindResponse(int id)
    {
        lock (_stdout)
        {
            foreach (var line in _lines)
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
                    return doc.RootElement.Clone();
            }
        }
        return null;
    }

    private async Task SendAsync(JsonObject message)
    {
        await _process.StandardInput.WriteLineAsync(message.ToJsonString());
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes stdin (the server ends) and waits for the process to exit.</summary>
    public async Task<int> CloseAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
