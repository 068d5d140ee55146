using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Muster.Formats.Mcp;

namespace Muster.Agents.Mcp;

/// <summary>
/// Verifies one MCP server for real: the MCP <c>initialize</c> handshake and <c>tools/list</c>, within a bounded time.
/// A stdio server is started with its own command (no shell) in a fresh temporary folder with only the configuration's
/// environment plus a minimal PATH and HOME, and its whole process tree is killed afterwards.
/// </summary>
public sealed class McpServerProbe(string workspaceRoot, TimeSpan timeout, TimeProvider time)
{
    /// <summary>Handshake version asked for: one that still has <c>initialize</c> (later revisions dropped it).</summary>
    public const string ProtocolVersion = "2025-06-18";

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Where <c>${VAR}</c> references are looked up (the user's environment by default).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public async Task<McpProbeResult> VerifyAsync(McpServerConfig server, CancellationToken cancellationToken)
    {
        if (server.IsStdio) return await VerifyStdioAsync(server, cancellationToken);
        if (server.IsHttp) return await VerifyHttpAsync(server, cancellationToken);
        return new McpProbeResult(McpProbeStatus.Invalid, false, false, null, "neither 'command' nor 'url' is set", TimeSpan.Zero);
    }

    private async Task<McpProbeResult> VerifyStdioAsync(McpServerConfig server, CancellationToken cancellationToken)
    {
        var program = CommandResolver.Resolve(server.Command!, workspaceRoot, Environment);
        if (program is null)
        {
            return new McpProbeResult(McpProbeStatus.CommandNotFound, false, false, null,
                $"command '{server.Command}' not found on PATH or in the workspace", TimeSpan.Zero);
        }
        var sandbox = Directory.CreateTempSubdirectory("muster-mcp-").FullName;
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = server.Name,
            Command = program,
            Arguments = server.Args.ToList(),
            WorkingDirectory = sandbox,
            InheritEnvironmentVariables = false,
            EnvironmentVariables = SandboxEnvironment(server, sandbox),
            ShutdownTimeout = TimeSpan.FromSeconds(2),
            StandardErrorLines = line =>
            {
                if (stderr.Count < 20) stderr.Enqueue(line);
            },
        }, LoggerFactory);
        try
        {
            var result = await HandshakeAsync(transport, cancellationToken);
            if (result.Status is McpProbeStatus.Exited or McpProbeStatus.Failed && !stderr.IsEmpty)
            {
                result = result with { Detail = result.Detail + "; stderr: " + string.Join(" | ", stderr.Take(5)) };
            }
            return result;
        }
        finally
        {
            SandboxProcesses.KillAllIn(sandbox);
            try
            {
                Directory.Delete(sandbox, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned by the OS later.
            }
        }
    }

    private async Task<McpProbeResult> VerifyHttpAsync(McpServerConfig server, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(server.Url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            return new McpProbeResult(McpProbeStatus.Invalid, false, false, null, $"'{server.Url}' is not an http(s) URL", TimeSpan.Zero);
        }
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = server.Name,
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            ConnectionTimeout = timeout,
            AdditionalHeaders = server.Headers.ToDictionary(kv => kv.Key, kv => Expand(kv.Value)),
            EnableStandaloneGetStream = false,
        }, LoggerFactory);
        await using (transport)
        {
            return await HandshakeAsync(transport, cancellationToken);
        }
    }

    private async Task<McpProbeResult> HandshakeAsync(IClientTransport transport, CancellationToken cancellationToken)
    {
        var handshakeStarted = time.GetTimestamp();
        using var limit = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var answered = false;
        try
        {
            await using var client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "muster", Version = typeof(McpServerProbe).Assembly.GetName().Version?.ToString() ?? "0" },
                ProtocolVersion = ProtocolVersion,
                InitializationTimeout = timeout,
            }, LoggerFactory, bounded.Token);
            answered = true;
            var tools = await client.ListToolsAsync(cancellationToken: bounded.Token);
            return new McpProbeResult(McpProbeStatus.Works, true, true, tools.Count,
                $"answered initialize and tools/list: {tools.Count} tool(s)", time.GetElapsedTime(handshakeStarted))
            {
                ServerName = client.ServerInfo?.Name,
                ServerVersion = client.ServerInfo?.Version,
                Tools = tools.Select(t => t.Name).ToList(),
            };
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return new McpProbeResult(McpProbeStatus.TimedOut, true, answered, null,
                $"no answer to {(answered ? "tools/list" : "initialize")} within {timeout.TotalSeconds:0.#} s", time.GetElapsedTime(handshakeStarted));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var exited = e is ClientTransportClosedException or IOException || e.InnerException is ClientTransportClosedException or IOException;
            var started = transport is StdioClientTransport || e is not System.Net.Http.HttpRequestException;
            return new McpProbeResult(exited && transport is StdioClientTransport ? McpProbeStatus.Exited : McpProbeStatus.Failed,
                started, answered, null, Describe(e), time.GetElapsedTime(handshakeStarted));
        }
    }

    private static string Describe(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is ClientTransportClosedException { Details: StdioClientCompletionDetails { ExitCode: { } code } })
            {
                return $"the process exited with code {code} before answering initialize";
            }
        }
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal)) message += ": " + inner.Message;
        }
        return message.Length > 400 ? message[..400] + "…" : message;
    }

    private Dictionary<string, string?> SandboxEnvironment(McpServerConfig server, string sandbox)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = sandbox,
            ["TMPDIR"] = sandbox,
        };
        // The .NET and Node launchers find their runtime through these; they hold paths, not secrets.
        foreach (var name in new[] { "DOTNET_ROOT", "LANG", "SystemRoot" })
        {
            if (Environment(name) is { } value) env[name] = value;
        }
        foreach (var (key, value) in server.Env) env[key] = Expand(value);
        return env;
    }

    private string Expand(string value)
    {
        foreach (var name in McpValueReferences.EnvironmentVariables(value).Distinct().ToList())
        {
            var replacement = Environment(name) ?? "";
            value = value.Replace("${env:" + name + "}", replacement, StringComparison.Ordinal)
                .Replace("${" + name + "}", replacement, StringComparison.Ordinal)
                .Replace("$" + name, replacement, StringComparison.Ordinal);
        }
        return value;
    }
}
