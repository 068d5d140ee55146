namespace Muster.Tests.Agents.Mcp;

/// <summary>Where the tests' real MCP server (tests/Muster.Tests.McpServer) was built, and how to run it.</summary>
internal static class TestMcpServer
{
    public static string DllPath
    {
        get
        {
            // tests/Muster.Tests/bin/CONFIG/TFM/ → tests/Muster.Tests.McpServer/bin/CONFIG/TFM/
            var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = own.Name;
            var configuration = own.Parent!.Name;
            var testsFolder = own.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(testsFolder, "Muster.Tests.McpServer", "bin", configuration, tfm, "Muster.Tests.McpServer.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build tests/Muster.Tests.McpServer first: {dll} is missing");
        }
    }

    public static string Dotnet => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
        ? p
        : Path.Combine(Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "/usr/share/dotnet", "dotnet") is var candidate && File.Exists(candidate) ? candidate : "dotnet";

    /// <summary>A JSON server entry that runs the test server in <paramref name="mode"/>, writing its pids to <paramref name="pidFile"/>.</summary>
    public static string Entry(string name, string mode, string pidFile, string extraEnv = "") =>
        $$"""
            "{{name}}": {
              "command": "{{Dotnet}}",
              "args": ["{{DllPath}}", "{{mode}}"],
              "env": { "MUSTER_TEST_PID_FILE": "{{pidFile}}"{{extraEnv}} }
            }
        """;

    /// <summary>Whether the process still runs. A zombie (killed, not yet reaped by an init that may never reap) does not.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var text = File.ReadAllText(stat);
                return text[(text.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for every pid to be gone (killing is asynchronous); returns the survivors.</summary>
    public static async Task<IReadOnlyList<int>> SurvivorsAsync(IEnumerable<int> pids, TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        var alive = pids.Where(IsAlive).ToList();
        while (alive.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            alive = alive.Where(IsAlive).ToList();
        }
        return alive;
    }

    public static IReadOnlyList<int> Pids(string pidFile) =>
        File.Exists(pidFile) ? File.ReadAllLines(pidFile).Where(l => l.Length > 0).Select(int.Parse).ToList() : [];
}
