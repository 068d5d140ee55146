using Muster.Agents.Command;
using Muster.Workspace;
using Muster.Workspace.Processes;
using static Muster.Tests.Agents.Command.TestContexts;

namespace Muster.Tests.Agents.Command;

/// <summary>The command runs in a process group of its own that dies with it; what it sees is unchanged.</summary>
public sealed class ChildWatchdogTests
{
    private static Task<Muster.Model.AgentResult> Run(string root, Dictionary<string, object?> settings) =>
        new CommandAgent().RunAsync(For(root, settings), default);

    private static string Stdout(Muster.Model.AgentResult result) => result.Artifacts.Single(a => a.Name == "stdout.txt").Content;

    [Fact]
    public void The_watchdog_is_available_on_linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.NotNull(ChildWatchdog.Setsid);
    }

    [Fact]
    public async Task The_program_leads_its_own_process_group_and_session()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var root = new TempTree();
        // /proc/self/stat of the program itself: "pid (comm) state ppid pgrp session ..."
        var result = await Run(root.Path, new() { ["program"] = "sh", ["args"] = List("-c", "echo $$; cat /proc/$$/stat") });
        var lines = Stdout(result).Split('\n');
        var pid = lines[0];
        var fields = lines[1][(lines[1].LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(pid, fields[2]);
        Assert.Equal(pid, fields[3]);
        Assert.NotEqual(pid, ProcessGroups.GroupOf(Environment.ProcessId)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("not tied to Muster's life", result.Summary);
    }

    [Fact]
    public async Task What_the_program_left_running_dies_when_it_ends()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var root = new TempTree();
        var pidFile = Path.Combine(root.Path, "left.pid");
        await Run(root.Path, new() { ["program"] = "sh", ["args"] = List("-c", $"sleep 60 >/dev/null 2>&1 & echo $! > '{pidFile}'") });
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (ProcessGroups.IsRunning(pid) && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.False(ProcessGroups.IsRunning(pid), $"the background child {pid} outlived the command agent");
        }
        finally
        {
            if (ProcessGroups.IsRunning(pid)) _ = NativeKill(pid);
        }
    }

    [Fact]
    public async Task Stdin_of_the_program_is_at_end_of_file_not_the_watchdog_pipe()
    {
        using var root = new TempTree();
        var result = await Run(root.Path, new() { ["program"] = "cat", ["timeout"] = "20s" });
        Assert.Equal(0, result.Metrics["exit_code"]);
    }

    [Fact]
    public async Task A_program_killed_by_a_signal_reports_its_own_exit_code()
    {
        using var root = new TempTree();
        var result = await Run(root.Path, new() { ["program"] = "sh", ["args"] = List("-c", "kill -s TERM $$"), ["exit-codes"] = List("143") });
        Assert.Equal(143, result.Metrics["exit_code"]);
    }

    [Fact]
    public async Task A_program_that_is_not_executable_is_a_clear_error()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var root = new TempTree();
        var script = root.Write("tool.sh", "echo hi\n");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(root.Path, new() { ["program"] = script }));
        Assert.Contains("could not start", e.Message);
    }

    private static int NativeKill(int pid) => Muster.Tests.Cli.NativeSignal.Send(pid, 9);
}
