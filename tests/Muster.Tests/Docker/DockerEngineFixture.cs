using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Muster.Tests.Docker;

/// <summary>
/// A private Docker engine for tests: starts <c>dockerd</c> with its own data root, exec root, pid file and socket in
/// a temp folder (no bridge, no iptables: nothing on the host changes), imports a busybox image, and on dispose
/// removes every container and stops the daemon by its pid. If the engine cannot start, the fixture throws, so every
/// test that uses it FAILS; it never passes silently. Share it with <c>[Collection(DockerEngineCollection.Name)]</c>.
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    public const string Image = "muster-busybox:test";

    private static readonly string[] BusyboxApplets = ["sh", "httpd", "wget", "sleep", "false", "true", "cat", "echo", "mkdir", "nc", "ls", "ps", "kill"];
    private Process? _daemon;

    /// <summary>Short on purpose: a Unix socket path must stay under 108 bytes.</summary>
    public string Folder { get; } = Path.Combine("/tmp", "muster-dk-" + Guid.NewGuid().ToString("N")[..10]);

    public string SocketPath => Path.Combine(Folder, "docker.sock");
    public string Endpoint => "unix://" + SocketPath;
    public TimeSpan StartTime { get; private set; }
    public TimeSpan ImageTime { get; private set; }

    public async Task InitializeAsync()
    {
        var dockerd = Which("dockerd") ?? throw new InvalidOperationException(
            "dockerd is not installed: run scripts/ci-deps.sh (Debian packages docker.io docker-compose busybox-static)");
        var busybox = new[] { "/bin/busybox", "/usr/bin/busybox" }.FirstOrDefault(File.Exists)
                      ?? throw new InvalidOperationException("busybox is not installed: run scripts/ci-deps.sh (busybox-static)");
        if (await IsDynamicallyLinkedAsync(busybox))
        {
            throw new InvalidOperationException($"{busybox} is dynamically linked; the test image holds busybox alone: install busybox-static");
        }
        Directory.CreateDirectory(Folder);
        var watch = Stopwatch.StartNew();
        var start = new ProcessStartInfo(dockerd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--data-root", Path.Combine(Folder, "data"), "--exec-root", Path.Combine(Folder, "exec"),
                     "--pidfile", Path.Combine(Folder, "pid"), "-H", Endpoint, "--bridge=none", "--iptables=false", "--ip6tables=false",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        // dockerd writes everything to stderr; keep it for diagnosis, never let the pipe fill up
        var log = new StringBuilder();
        _daemon = Process.Start(start) ?? throw new InvalidOperationException("dockerd did not start");
        _daemon.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _daemon.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _daemon.BeginErrorReadLine();
        _daemon.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await PingAsync())
        {
            if (_daemon.HasExited || DateTime.UtcNow > deadline)
            {
                string tail;
                lock (log) tail = string.Join('\n', log.ToString().Split('\n').TakeLast(15));
                throw new InvalidOperationException($"private dockerd did not come up at {Endpoint} (exited: {_daemon.HasExited}):\n{tail}");
            }
            await Task.Delay(200);
        }
        StartTime = watch.Elapsed;

        watch.Restart();
        var rootfs = Path.Combine(Folder, "rootfs");
        Directory.CreateDirectory(Path.Combine(rootfs, "bin"));
        Directory.CreateDirectory(Path.Combine(rootfs, "tmp"));
        File.Copy(busybox, Path.Combine(rootfs, "bin", "busybox"));
        foreach (var applet in BusyboxApplets) File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
        await RunAsync("sh", ["-c", $"tar -C '{rootfs}' -c . | docker import - {Image}"]);
        ImageTime = watch.Elapsed;
    }

    /// <summary>Runs a command with DOCKER_HOST pointing at the private engine; throws with its output when it fails.</summary>
    public async Task<string> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Folder,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOCKER_HOST"] = Endpoint;
        info.Environment["COMPOSE_INTERACTIVE_NO_CLI"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish in time");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
        return await stdout;
    }

    /// <summary>The state of a container as <c>docker inspect</c> formats it (e.g. <c>{{.State.Health.Status}}</c>).</summary>
    public async Task<string> InspectAsync(string container, string format) =>
        (await RunAsync("docker", ["inspect", "--format", format, container])).Trim();

    public async Task DisposeAsync()
    {
        try
        {
            if (await PingAsync())
            {
                var ids = (await RunAsync("docker", ["ps", "-aq"])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (ids.Length > 0) await RunAsync("docker", new[] { "rm", "-f" }.Concat(ids));
            }
        }
        finally
        {
            StopDaemon();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // overlay leftovers owned by the daemon; the folder is in /tmp
            }
        }
    }

    private void StopDaemon()
    {
        if (_daemon is null) return;
        var pidFile = Path.Combine(Folder, "pid");
        var pid = File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var p) ? p : _daemon.Id;
        try
        {
            using var daemon = Process.GetProcessById(pid);
            Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(5000);
            if (!daemon.WaitForExit(20000)) daemon.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }
        _daemon.Dispose();
    }

    private async Task<bool> PingAsync()
    {
        if (!File.Exists(SocketPath)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
            var buffer = new byte[256];
            var read = await socket.ReceiveAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.", StringComparison.Ordinal) &&
                   Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static async Task<bool> IsDynamicallyLinkedAsync(string binary)
    {
        // an ELF with a PT_INTERP program header needs a dynamic loader (and a libc) inside the image
        var bytes = await File.ReadAllBytesAsync(binary);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 2) return false;
        var phoff = BitConverter.ToInt64(bytes, 0x20);
        var phentsize = BitConverter.ToUInt16(bytes, 0x36);
        var phnum = BitConverter.ToUInt16(bytes, 0x38);
        for (var i = 0; i < phnum; i++)
        {
            var offset = phoff + (i * phentsize);
            if (offset + 4 <= bytes.Length && BitConverter.ToUInt32(bytes, (int)offset) == 3) return true; // PT_INTERP
        }
        return false;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':').Append("/usr/sbin").Append("/usr/bin")
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
