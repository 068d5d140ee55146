using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Muster.Tests.TestSupport;

/// <summary>
/// A private <c>redis-server</c> on 127.0.0.1 and a free port, with nothing persisted (<c>--save '' --appendonly no</c>)
/// and its working folder in a temp directory. <see cref="StartAsync"/> returns once it answers PING; disposing kills
/// it by pid and waits until it is gone. Without redis-server the start throws, so a test that needs it FAILS.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;

    private RedisServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        _folder = folder;
    }

    public int Port { get; }
    public int Pid => _process.Id;

    /// <summary>What <c>--cluster</c> takes: <c>redis://127.0.0.1:PORT</c>.</summary>
    public string Url => $"redis://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<RedisServer> StartAsync()
    {
        var binary = Which("redis-server") ?? throw new InvalidOperationException(
            "redis-server is not installed: run scripts/ci-deps.sh (Debian package redis-server)");
        // A port probed free can be taken before redis binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(binary, FreePort());
            try
            {
                await server.WaitForPingAsync(TimeSpan.FromSeconds(20));
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server._process.HasExited)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    private static RedisServer Launch(string binary, int port)
    {
        var folder = Directory.CreateTempSubdirectory("muster-redis-").FullName;
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[]
                 {
                     "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", folder, "--daemonize", "no", "--logfile", "",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        var server = new RedisServer(process, port, folder);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._log) server._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._log) server._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>True when a PING on a fresh connection gets +PONG.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends one inline command on a fresh connection and returns the raw reply (a short one: one read).</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private async Task WaitForPingAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await PingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var tail = string.Join('\n', Log.Split('\n').TakeLast(10));
                throw new InvalidOperationException($"redis-server on 127.0.0.1:{Port} did not answer PING (exited: {_process.HasExited}):\n{tail}");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            using var gone = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(gone.Token);
        }
        catch (InvalidOperationException)
        {
            // exited already
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Append("/usr/bin").Append("/usr/sbin")
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
