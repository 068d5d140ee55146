using System.Text.Json;
using System.Text.RegularExpressions;
using Muster.Cli;
using Muster.Cli.Progress;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Tests.Golden;

namespace Muster.Tests.Cli;

/// <summary>Regression (issue 15, CLI polish): typos, a bare <c>muster</c>, test kinds, the wave label, the help's wave count, one version.</summary>
public sealed class CliPolishTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-polish-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Muster(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task A_misspelt_command_or_option_is_a_usage_error_that_says_what_was_meant()
    {
        var command = await Muster("audti", _dir);
        Assert.Equal(ExitCodes.UsageError, command.Code);
        Assert.Contains("'audti': did you mean 'audit'?", command.Err, StringComparison.Ordinal);

        var option = await Muster("audit", _dir, "--fial-on", "none");
        Assert.Equal(ExitCodes.UsageError, option.Code);
        Assert.Contains("'--fial-on': did you mean '--fail-on'?", option.Err, StringComparison.Ordinal);

        var nested = await Muster("plan", "shwo");
        Assert.Contains("'shwo': did you mean 'show'?", nested.Err, StringComparison.Ordinal);

        // Nothing close: no guess; and the suggestions never reach stdout, which is kept for results.
        var far = await Muster("frobnicate");
        Assert.DoesNotContain("did you mean", far.Err, StringComparison.Ordinal);
        Assert.Equal("", command.Out + option.Out + nested.Out + far.Out);
    }

    [Fact]
    public async Task Muster_alone_prints_the_help_on_stdout_and_exits_2_as_git_and_dotnet_exit_non_zero()
    {
        var (code, stdout, stderr) = await Muster();

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("audit <path>", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Agents_hides_the_test_kinds_unless_asked_and_plans_still_accept_them()
    {
        var listed = await Muster("agents");
        var all = await Muster("agents", "--all");

        Assert.Equal(0, listed.Code);
        Assert.Matches(@"(?m)^secrets\s", listed.Out);
        Assert.DoesNotMatch(@"(?m)^(noop|sleep)\s", listed.Out);
        Assert.Matches(@"(?m)^noop\s", all.Out);
        Assert.Matches(@"(?m)^sleep\s", all.Out);
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, "name: p\nwaves:\n  - name: w\n    agents: [{id: n, kind: noop}, {id: s, kind: sleep}]\n");
        Assert.Equal(0, (await Muster("plan", "check", plan)).Code);
    }

    [Fact]
    public void The_live_view_labels_each_wave_once()
    {
        var plan = DefaultPlan.Build(BuiltInAgents.CreateRegistry());

        Assert.All(plan.Waves, w => Assert.DoesNotMatch(@"^Wave \d", w.Name));
        Assert.Equal("Wave 1: scanners", LiveProgress.WaveLabel(0, plan.Waves[0].Name));
        Assert.Equal("Wave 1 - security first", LiveProgress.WaveLabel(0, "Wave 1 - security first"));
        Assert.Equal("Wave 2: Wave 1: old", LiveProgress.WaveLabel(1, "Wave 1: old"));
        Assert.Equal("Wave 1: Wave 10", LiveProgress.WaveLabel(0, "Wave 10"));
    }

    [Fact]
    public async Task The_help_gives_the_built_in_plans_waves_as_the_plan_has_them()
    {
        var plan = DefaultPlan.Build(BuiltInAgents.CreateRegistry());

        var (code, help, _) = await Muster("--help");

        Assert.Equal(0, code);
        Assert.Contains($"({plan.Waves.Count} waves: {string.Join(", then ", plan.Waves.Select(w => w.Name))})", help, StringComparison.Ordinal);
        Assert.DoesNotContain("three", help, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Version_report_json_and_sarif_carry_the_one_version_of_directory_build_props()
    {
        var props = File.ReadAllText(Path.Combine(GoldenFile.RepositoryRoot(), "Directory.Build.props"));
        var declared = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, "name: p\nwaves:\n  - name: w\n    agents: [{id: n, kind: noop}]\n");
        var output = Path.Combine(_dir, "out");

        var version = await Muster("--version");
        await Muster("run", plan, "--root", _dir, "--state", Path.Combine(_dir, "state"), "--output", output, "--format", "json,sarif");

        Assert.Equal(0, version.Code);
        Assert.Equal(declared, version.Out.Trim());
        Assert.Equal(declared, MusterVersion.Current);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        Assert.Equal(declared, json.RootElement.GetProperty("tool").GetProperty("version").GetString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.sarif")));
        var driver = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal(declared, driver.GetProperty("version").GetString());
        Assert.Equal(declared, driver.GetProperty("semanticVersion").GetString());
    }
}
