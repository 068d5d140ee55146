using System.Text.Json.Nodes;
using Muster.Agents.Secrets;
using Muster.Model;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Runs;

/// <summary>
/// The committed secrets baseline matches on a fresh clone, whose state folder (and so salt) differs from the one that
/// wrote it; a different secret at the same place is not hidden; the file holds no value and no salted fingerprint.
/// </summary>
public sealed class CommittedBaselineTests : IDisposable
{
    private readonly TempTree _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Plan = """
        name: secrets-only
        gates: {tests: off, type-check: off, documentation: off}
        waves: [{name: scan, agents: [{id: secrets, kind: secrets, with: {history: none}}]}]
        """;

    private string Copy(string name, string token)
    {
        var root = Path.Combine(_dir.Path, name);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "deploy.env"), $"# deploy settings\nGITHUB_TOKEN={token}\n");
        File.WriteAllText(Path.Combine(root, "muster.yaml"), "plan: plan.yaml\n");
        File.WriteAllText(Path.Combine(root, "plan.yaml"), Plan);
        return root;
    }

    private async Task<JsonNode> Audit(string root, string state)
    {
        var output = Path.Combine(_dir.Path, "out-" + Path.GetFileName(state));
        var (code, _, err) = await CliRunner.RunAsync("audit", root, "--state", Path.Combine(_dir.Path, state), "--output", output, "--format", "json", "--fail-on", "none");
        Assert.True(code is 0 or 1, err);
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")))!;
    }

    private static List<string> Rules(JsonNode report, string array) => report[array]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_baseline_taken_on_one_copy_suppresses_the_same_secret_on_a_fresh_copy_with_another_salt()
    {
        var token = Planted.GitHub(31);
        var original = Copy("original", token);
        var before = Directory.GetFileSystemEntries(original).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var (code, _, err) = await CliRunner.RunAsync("baseline", original, "--state", Path.Combine(_dir.Path, "state-original"));
        Assert.True(code == 0, err);
        // With --state elsewhere the baseline file is all it writes under PATH.
        Assert.Equal(before.Append(SecretsBaseline.DefaultRelativePath).Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(original).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var committed = await File.ReadAllTextAsync(Path.Combine(original, SecretsBaseline.DefaultRelativePath));
        Assert.DoesNotContain(token, committed, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..12], committed, StringComparison.Ordinal);

        // A fresh clone: the same files and the committed baseline, another state folder, so another salt.
        var clone = Copy("clone", token);
        File.WriteAllText(Path.Combine(clone, SecretsBaseline.DefaultRelativePath), committed);
        var report = await Audit(clone, "state-clone");

        Assert.NotEqual(File.ReadAllText(Path.Combine(_dir.Path, "state-original", "salt")), File.ReadAllText(Path.Combine(_dir.Path, "state-clone", "salt")));
        Assert.DoesNotContain("secrets/github-pat", Rules(report, "findings"));
        Assert.Contains("secrets/github-pat", Rules(report, "suppressed"));
        var entry = report["suppressed"]!.AsArray().First(s => s!["ruleId"]!.GetValue<string>() == "secrets/github-pat")!;
        Assert.StartsWith("muster-baseline.json entry ", entry["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("passed", report["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "security")!["status"]!.GetValue<string>());

        // The same place with another secret: reported.
        var rotatedWrong = Copy("other", Planted.GitHub(32));
        File.WriteAllText(Path.Combine(rotatedWrong, SecretsBaseline.DefaultRelativePath), committed);
        var other = await Audit(rotatedWrong, "state-other");
        Assert.Contains("secrets/github-pat", Rules(other, "findings"));
        Assert.DoesNotContain("secrets/github-pat", Rules(other, "suppressed"));
    }

    [Fact]
    public async Task The_old_baseline_under_the_state_folder_is_still_read_with_a_deprecation_note()
    {
        var root = Copy("legacy", Planted.GitHub(33));
        var first = await Audit(root, "state-legacy");
        var fingerprint = first["findings"]!.AsArray().First(f => f!["ruleId"]!.GetValue<string>() == "secrets/github-pat")!["fingerprint"]!.GetValue<string>();
        Directory.CreateDirectory(Path.Combine(root, ".muster"));
        File.WriteAllText(Path.Combine(root, SecretsBaseline.LegacyRelativePath),
            $"{{\"version\": 1, \"entries\": [{{\"path\": \"deploy.env\", \"rule\": \"secrets/github-pat\", \"fingerprint\": \"{fingerprint}\"}}]}}\n");

        var second = await Audit(root, "state-legacy");

        Assert.Contains("secrets/github-pat", Rules(second, "suppressed"));
        var summary = second["agents"]!.AsArray().Single()!["summary"]!.GetValue<string>();
        Assert.Contains("Deprecated: a version 1 baseline matches only with this workspace's salt", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_notes_are_not_baselined()
    {
        Finding Note(Severity severity) => new Finding
        {
            RuleId = "secrets/history-unverified",
            Title = "Git history not verified",
            Severity = severity,
            Category = "security",
            Message = "21 blob(s) are not in the object database",
            Location = new SourceLocation(".git"),
        }.WithDefaultFingerprint();

        // Found on a langgraph clone: the note's count changes from clone to clone, so its entry never matched again.
        var baseline = SecretsBaseline.Create([Note(Severity.Info), Note(Severity.Low) with { RuleId = "secrets/sensitive-file-exposed" }]);

        Assert.Equal(["secrets/sensitive-file-exposed"], baseline.Entries.Select(e => e.Rule));
    }

    [Fact]
    public void A_key_is_bound_to_its_salt_and_value_and_costs_the_full_kdf()
    {
        var salt = BaselineKey.NewSalt();
        var key = BaselineKey.Derive("correct horse", salt);

        Assert.Equal(BaselineKey.KeyBytes * 2, key.Length);
        Assert.Equal(key, BaselineKey.Derive("correct horse", salt));
        Assert.NotEqual(key, BaselineKey.Derive("correct horsf", salt));
        Assert.NotEqual(key, BaselineKey.Derive("correct horse", BaselineKey.NewSalt()));
        Assert.Equal(100_000, BaselineKey.Iterations);
    }
}
