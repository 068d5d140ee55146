using System.Text.Json;
using Muster.Model;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.Agents.Secrets.History;

namespace Muster.Tests.Integrations;

/// <summary>
/// Issue 15: the repository's GitHub Action (action.yml). Its run steps are executed with bash on this machine by
/// <see cref="ActionRunner"/>, installing Muster.Cli from the nupkg this build packs (the <c>source</c> input) instead
/// of nuget.org; the <c>uses:</c> steps (setup-dotnet, the SARIF upload) are skipped with the reason.
/// </summary>
public sealed class ActionTests
{
    private static async Task<(ActionRunner.Result Result, string RunnerTemp)> RunAction(HistoryRepo repo, params (string Name, string Value)[] with)
    {
        var runnerTemp = Directory.CreateDirectory(Path.Combine(repo.Base, "runner-temp")).FullName;
        var runner = new ActionRunner(Path.Combine(Cli.CliTests.RepoRoot(), "action.yml"), repo.Root, runnerTemp);
        runner.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        runner.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(repo.Base, "home")).FullName;
        runner.Environment["NUGET_PACKAGES"] = Path.Combine(repo.Base, "nuget-cache");
        runner.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        runner.Environment["DOTNET_NOLOGO"] = "1";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot) runner.Environment["DOTNET_ROOT"] = dotnetRoot;
        var inputs = new Dictionary<string, string> { ["source"] = await PackedTool.FeedAsync(), ["version"] = MusterVersion.Current };
        foreach (var (name, value) in with) inputs[name] = value;
        return (await Task.Run(() => runner.Run(inputs)), runnerTemp);
    }

    private static string Log(ActionRunner.Result result) =>
        string.Join("\n", result.Steps.Select(s => $"== {s.Name}: {s.Skipped ?? "exit " + s.ExitCode}\n{s.Output}"));

    [Fact]
    public async Task A_repository_with_an_exposed_key_fails_the_action_after_writing_the_summary_and_the_sarif()
    {
        using var repo = new HistoryRepo();
        repo.Commit("app", ("README.md", "# app\n"), ("app/settings.py", "KEY = \"" + Planted.Anthropic(31) + "\"\n"));

        var (result, runnerTemp) = await RunAction(repo);
        var log = Log(result);

        Assert.True(result.Failed, log);
        Assert.Equal("1", result.Outputs["exit-code"]);
        var sarif = result.Outputs["sarif"];
        Assert.Equal(Path.Combine(runnerTemp, "muster-report", "report.sarif"), sarif);
        using (var document = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
            var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "secrets/anthropic-api-key");
        }
        Assert.StartsWith("## Muster: audit", result.StepSummary, StringComparison.Ordinal);
        Assert.Contains("Security", result.StepSummary, StringComparison.Ordinal);
        Assert.DoesNotContain(Planted.Anthropic(31), result.StepSummary, StringComparison.Ordinal);
        var steps = result.Steps.ToDictionary(s => s.Name);
        Assert.StartsWith("uses: actions/setup-dotnet@", steps["Set up .NET"].Skipped, StringComparison.Ordinal);
        Assert.StartsWith("uses: github/codeql-action/upload-sarif@", steps["Upload SARIF"].Skipped, StringComparison.Ordinal);
        Assert.Equal(0, steps["Install Muster"].ExitCode);
        Assert.Contains(MusterVersion.Current, steps["Install Muster"].Output, StringComparison.Ordinal);
        Assert.Equal(0, steps["Audit"].ExitCode);
        Assert.Equal(1, steps["Exit with Muster's code"].ExitCode);
        // The journal went to RUNNER_TEMP: nothing was written into the checkout.
        Assert.False(Directory.Exists(Path.Combine(repo.Root, ".muster")), log);
    }

    [Fact]
    public async Task A_clean_repository_passes_with_args_passed_through_and_the_upload_turned_off()
    {
        using var repo = new HistoryRepo();
        repo.Commit("app", ("README.md", "# app\n"), ("app/main.py", "print('hello')\n"));

        var (result, _) = await RunAction(repo, ("sarif", "false"), ("args", "--gate documentation=warn --gate tests=warn --history none"));
        var log = Log(result);

        Assert.False(result.Failed, log);
        Assert.Equal("0", result.Outputs["exit-code"]);
        var steps = result.Steps.ToDictionary(s => s.Name);
        Assert.Equal("if: inputs.sarif == 'true' && steps.audit.outputs.sarif != '' is false", steps["Upload SARIF"].Skipped);
        Assert.Equal("if: steps.audit.outputs.exit-code != '0' is false", steps["Exit with Muster's code"].Skipped);
        Assert.Contains("git history not scanned", File.ReadAllText(Path.Combine(result.Outputs["report-dir"], "report.md")), StringComparison.Ordinal);
        Assert.Contains("✅", result.StepSummary, StringComparison.Ordinal);
    }
}
