using System.Diagnostics;

namespace Muster.Tests.Workspace;

internal static class GitTestRepo
{
    public static void Run(string directory, params string[] args) => Output(directory, args);

    /// <summary>Runs git and returns its standard output.</summary>
    public static string Output(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"])
            start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderrRead = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderrRead.Result}");
        return stdout;
    }

    public static void InitAndCommitAll(string directory)
    {
        Run(directory, "init", "-q");
        Run(directory, "add", "-A");
        Run(directory, "commit", "-qm", "initial");
    }
}
