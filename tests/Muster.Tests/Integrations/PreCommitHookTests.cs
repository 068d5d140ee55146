using System.Diagnostics;
using Muster.Model;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.Agents.Secrets.History;
using YamlDotNet.RepresentationModel;

namespace Muster.Tests.Integrations;

/// <summary>
/// Issue 15: the repository's pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit
/// (<c>pre-commit try-repo</c> against this repository, ci-deps.sh installs it) with the packed Muster.Cli on PATH.
/// </summary>
public sealed class PreCommitHookTests
{
    [Fact]
    public void The_manifest_declares_one_system_hook_that_runs_audit_staged_once_per_commit()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Cli.CliTests.RepoRoot(), ".pre-commit-hooks.yaml"))) stream.Load(reader);
        var hook = (YamlMappingNode)Assert.Single(((YamlSequenceNode)stream.Documents.Single().RootNode).Children);
        string Field(string key) => ((YamlScalarNode)hook.Children[key]).Value!;

        Assert.Equal("muster-staged", Field("id"));
        Assert.Equal("system", Field("language"));
        Assert.StartsWith("muster audit . --staged", Field("entry"), StringComparison.Ordinal);
        // Muster reads the index itself: file names from pre-commit would be taken as extra arguments.
        Assert.Equal("false", Field("pass_filenames"));
        Assert.Equal("true", Field("always_run"));
    }

    [Fact]
    public async Task Pre_commit_refuses_a_staged_secret_and_passes_a_clean_change()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        var path = await InstallMuster(repo.Base);

        repo.Write("app/settings.py", "DEBUG = False\nKEY = \"" + Planted.Anthropic(41) + "\"\n");
        repo.Git("add", "app/settings.py");
        var refused = await TryRepo(repo, path);
        Assert.True(refused.Code == 1, refused.Output);
        Assert.Contains("secrets/anthropic-api-key", refused.Output, StringComparison.Ordinal);
        Assert.Contains("app/settings.py:2", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Planted.Anthropic(41), refused.Output, StringComparison.Ordinal);

        repo.Write("app/settings.py", "DEBUG = False\nKEY = os.environ[\"KEY\"]\n");
        repo.Git("add", "app/settings.py");
        var passed = await TryRepo(repo, path);
        Assert.True(passed.Code == 0, passed.Output);
        Assert.Contains("muster audit --staged", passed.Output, StringComparison.Ordinal);
    }

    private static async Task<string> InstallMuster(string folder)
    {
        var config = PackedTool.WriteNugetConfig(folder, await PackedTool.FeedAsync());
        var tools = Path.Combine(folder, "tools");
        var install = await PackedTool.Dotnet(folder, Path.Combine(folder, "nuget-cache"),
            "tool", "install", PackedTool.PackageId, "--tool-path", tools, "--configfile", config, "--version", MusterVersion.Current);
        Assert.True(install.Code == 0, install.Output);
        return tools + Path.PathSeparator + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");
    }

    private static async Task<(int Code, string Output)> TryRepo(HistoryRepo repo, string path)
    {
        var start = new ProcessStartInfo("pre-commit") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["try-repo", Cli.CliTests.RepoRoot(), "muster-staged", "--verbose"]) start.ArgumentList.Add(a);
        start.Environment["PATH"] = path;
        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(repo.Base, "pre-commit-home");
        start.Environment["CI"] = "true";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pre-commit is not installed: scripts/ci-deps.sh installs it (apt-get install pre-commit)", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, stdout + await stderr);
        }
    }
}
