using System.Diagnostics;
using Muster.Model;
using Muster.Tests.Workspace;

namespace Muster.Tests.Agents.Secrets;

public class SampleEcosystemTests
{
    [Fact]
    public async Task Generated_seed_exposures_are_critical_when_committed()
    {
        using var tree = new TempTree();
        var repo = RepositoryRoot();
        CopyDirectory(Path.Combine(repo, "samples", "ecosystem"), tree.Path);
        RunBash(Path.Combine(repo, "samples", "generators", "secrets.sh"), tree.Path);
        GitTestRepo.InitAndCommitAll(tree.Path);

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        string[] planted =
        [
            "config/.env", "Keys-api/anthropic-api.txt", "Keys-api/ziggie-openai-api.txt", "Keys-api/meowping-youtube-api.txt",
            "ZIGGIE_CLOUD_CREDENTIALS.md",
        ];
        foreach (var path in planted)
        {
            Assert.Contains(result.Secrets(), f => f.Location!.Path == path && f.Severity == Severity.Critical);
            Assert.Contains(result.Findings, f => f.RuleId == "secrets/sensitive-file-exposed" && f.Location!.Path == path);
        }
        var env = result.Secrets().Where(f => f.Location!.Path == "config/.env").Select(f => f.RuleId).ToList();
        Assert.Contains("secrets/anthropic-api-key", env);
        Assert.Contains("secrets/openai-project-key", env);
        Assert.Contains(result.Secrets(), f => f.Location!.Path == "Keys-api/meowping-youtube-api.txt" && f.RuleId == "secrets/google-api-key");
        var credentialLines = result.Secrets().Where(f => f.Location!.Path == "ZIGGIE_CLOUD_CREDENTIALS.md").Select(f => f.Location!.Line).ToList();
        Assert.Equal(3, credentialLines.Count);
        Assert.DoesNotContain(result.Findings, f => f.Location?.Path == ".env.example" && f.Severity >= Severity.High);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Muster.slnx not found above the test binaries");
    }

    private static void RunBash(string script, string argument)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
