using System.Diagnostics;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Modes: works (serves two tools over stdio), crash (exits 3 at start), hang (reads stdin, never answers; starts a
// child that sleeps so the tests can check the whole tree is killed), sleep (the child).
// MUSTER_TEST_PID_FILE, when set, receives one pid per line: this process, then any child it starts.
var mode = args.Length > 0 ? args[0] : "works";
var pidFile = Environment.GetEnvironmentVariable("MUSTER_TEST_PID_FILE");
if (pidFile is { Length: > 0 }) File.AppendAllText(pidFile, Environment.ProcessId + "\n");

switch (mode)
{
    case "crash":
        Console.Error.WriteLine("test server: crashing at start as asked");
        return 3;
    case "sleep":
        Thread.Sleep(Timeout.Infinite);
        return 0;
    case "hang":
        var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!)
        {
            ArgumentList = { typeof(Program).Assembly.Location, "sleep" },
            UseShellExecute = false,
        })!;
        _ = child;
        // Keep reading so the client's writes never block, and never answer.
        using (var stdin = Console.OpenStandardInput())
        {
            var buffer = new byte[4096];
            while (stdin.Read(buffer) > 0) { }
        }
        Thread.Sleep(Timeout.Infinite);
        return 0;
    case "works":
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "muster-test-server", Version = "1.0.0" },
            ToolCollection =
            [
                McpServerTool.Create((string text) => text, new McpServerToolCreateOptions { Name = "echo", Description = "Returns its text." }),
                McpServerTool.Create((int a, int b) => a + b, new McpServerToolCreateOptions { Name = "add", Description = "Adds two numbers." }),
            ],
        };
        await using (var server = McpServer.Create(new StdioServerTransport(options), options))
        {
            await server.RunAsync();
        }
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use works, crash or hang");
        return 2;
}
