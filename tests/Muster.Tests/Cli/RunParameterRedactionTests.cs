using Muster.Agents.Secrets;
using Muster.Cli;
using Muster.Engine;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Cli;

public sealed class RunParameterRedactionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-params-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("api_token", true)]
    [InlineData("apiToken", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("clientsecret", true)]
    [InlineData("x-auth", true)]
    [InlineData("pwd", true)]
    [InlineData("openai.apikey", true)]
    [InlineData("keyboard", false)]
    [InlineData("sbom", false)]
    [InlineData("budget.usd", false)]
    public void Credential_words_count_as_word_parts_only(string name, bool credential) =>
        Assert.Equal(credential, RunParameterRedaction.IsCredentialName(name));

    [Fact]
    public void A_parameter_whose_value_the_scrubber_would_redact_is_journaled_redacted_whatever_its_name()
    {
        var key = Planted.OpenAiProject(1804);
        var journaled = RunParameterRedaction.ForJournal(
            new Dictionary<string, string> { ["label"] = key, ["note"] = "plain words", ["root"] = "/srv/app" }, new RuleBasedSecretScrubber());

        Assert.Equal(RunParameterRedaction.Redacted, journaled["label"]);
        Assert.Equal("plain words", journaled["note"]);
        Assert.Equal("/srv/app", journaled["root"]);
    }

    [Fact]
    public async Task A_credential_parameter_is_not_journaled_and_resume_asks_for_it_again()
    {
        var value = Planted.OpenAiProject(1803);
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, "name: p\ngates: {security: off, type-check: off, tests: off, documentation: off}\nwaves:\n  - name: w\n    agents: [{id: quick, kind: noop}]\n");
        var state = Path.Combine(_dir, ".muster");

        var run = await CliRunner.RunAsync("run", plan, "--root", _dir, "--set", "api_token=" + value, "--set", "label=plain");
        Assert.Equal(0, run.Code);
        var runs = await CliRunner.RunAsync("runs", "--state", state);
        var status = await CliRunner.RunAsync("status", "--state", state);
        var runId = System.Text.RegularExpressions.Regex.Match(runs.Out, @"\d{8}-\d{6}-[0-9a-f]{4}").Value;
        var resumeWithout = await CliRunner.RunAsync("resume", runId, "--state", state);
        var resumeWith = await CliRunner.RunAsync("resume", runId, "--state", state, "--set", "api_token=" + value);

        Assert.Equal(ExitCodes.UsageError, resumeWithout.Code);
        Assert.Contains("--set api_token=", resumeWithout.Err, StringComparison.Ordinal);
        Assert.Equal(0, resumeWith.Code);
        var stateBytes = Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories)
            .Select(f => (f, System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        var printed = new[] { run, runs, status, resumeWithout, resumeWith }.Select((r, i) => ($"output {i}", r.Out + r.Err));
        foreach (var (name, text) in stateBytes.Concat(printed))
        {
            LeakCheck.AssertNone(text, value, name);
        }
    }
}
