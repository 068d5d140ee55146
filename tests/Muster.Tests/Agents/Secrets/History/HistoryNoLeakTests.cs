using System.Text;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Agents.Secrets.History;

/// <summary>A secret found only in history reaches no report, artifact or journal row whole, nor any 12-character run of it.</summary>
public sealed class HistoryNoLeakTests
{
    [Fact]
    public async Task No_output_of_an_audit_holds_a_history_secret()
    {
        using var repo = new HistoryRepo();
        var keys = new[] { Planted.Anthropic(201), Planted.GitHub(202), Planted.Password(203) };
        repo.Commit("keys", ("deploy/keys.py", $"ANTHROPIC_API_KEY = \"{keys[0]}\"\nGITHUB_TOKEN = \"{keys[1]}\"\n"), ("deploy/db.env", $"DB_PASSWORD={keys[2]}\n"));
        repo.PushToOrigin();
        repo.Remove("remove keys", "deploy/keys.py", "deploy/db.env");
        var output = Path.Combine(repo.Base, "out");
        var state = Path.Combine(repo.Base, "state");

        var (code, stdout, stderr) = await CliRunner.RunAsync("audit", repo.Root, "--output", output, "--state", state, "--fail-on", "none");

        Assert.True(code is 0 or 1, stderr); // 1: the security gate fails on the CRITICAL findings
        var json = File.ReadAllText(Path.Combine(output, "report.json"));
        foreach (var key in keys) Assert.Contains(Muster.Model.Redaction.Redact(key), json, StringComparison.Ordinal);
        Assert.Contains("\"git\": \"history\"", json, StringComparison.Ordinal);
        var everything = new StringBuilder(stdout).Append(stderr);
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories)))
            everything.Append(Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        var text = everything.ToString();
        foreach (var key in keys) LeakCheck.AssertNone(text, key, "the audit's reports, artifacts, journal and output");
    }
}
