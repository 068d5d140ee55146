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

    public static bool IsAlive(int pid)
    {
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

    public static IReadOnlyList<int> Pids(string pidFile) =>
        File.Exists(pidFile) ? File.ReadAllLines(pidFile).Where(l => l.Length > 0).Select(int.Parse).ToList() : [];
}
