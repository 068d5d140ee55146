using System.Text;
using Muster.Agents.Secrets;
using Muster.Tests.Workspace;

namespace Muster.Tests.Agents.Secrets;

public class NoLeakTests
{
    [Fact]
    public async Task No_report_text_path_holds_a_planted_secret()
    {
        using var tree = new TempTree();
        var aws = Planted.AwsSecret(101);
        var planted = new[]
        {
            Planted.Anthropic(102), Planted.OpenAiProject(103), Planted.GitHub(104), Planted.GoogleApiKey(105), aws,
            Planted.Password(106), Planted.Password(107),
        };
        tree.Write("config/.env", $"ANTHROPIC_API_KEY={planted[0]}\nOPENAI_API_KEY={planted[1]}\n");
        tree.Write("deploy.sh", $"git clone https://{planted[2]}@github.com/o/r\nexport KEY={planted[3]}\n");
        tree.Write("aws.txt", $"{Planted.AwsKeyId(108)}\n{aws}\n");
        tree.Write("CREDS.md", $"Database password: {planted[5]}\n\n| Redis | password | {planted[6]} |\n");
        tree.Write(".gitignore", "aws.txt\n");
        GitTestRepo.InitAndCommitAll(tree.Path);
        var scrubber = new RuleBasedSecretScrubber();

        var result = await SecretsAgentRunner.RunAsync(tree.Path, scrubber: scrubber);
        var baselinePath = Path.Combine(tree.Path, ".muster", "baseline.json");
        SecretsBaseline.Create(result.Findings).Save(baselinePath);

        var text = new StringBuilder();
        foreach (var f in result.Findings)
        {
            text.AppendLine(string.Join('\n', f.RuleId, f.Title, f.Message, f.Evidence, f.Remediation, f.Fingerprint, f.Location?.ToString()));
            foreach (var (k, v) in f.Properties) text.AppendLine(k + "=" + v);
        }
        text.AppendLine(result.Summary);
        foreach (var a in result.Artifacts) text.AppendLine(a.Name).AppendLine(a.Content);
        foreach (var k in result.Metrics.Keys) text.AppendLine(k);
        text.AppendLine(File.ReadAllText(baselinePath));
        text.AppendLine(File.ReadAllText(Path.Combine(tree.Path, ".muster", "salt")));
        var logLine = $"agent prompt: rotate {planted[0]} and {planted[1]}; token {planted[2]} key {planted[3]}; " +
                      $"aws_secret_access_key={aws}; Database password: {planted[5]}; | Redis | password | {planted[6]} |";
        text.AppendLine(scrubber.Scrub(logLine));
        var all = text.ToString();

        Assert.True(result.Secrets().Count() >= planted.Length, $"expected every plant to be found, got {result.Secrets().Count()}");
        foreach (var secret in planted)
        {
            Assert.False(all.Contains(secret, StringComparison.Ordinal), $"a planted value of length {secret.Length} leaked");
        }
    }

    [Fact]
    public void Scrubber_redacts_rule_matches_and_leaves_other_text_alone()
    {
        var scrubber = new RuleBasedSecretScrubber();
        var key = Planted.Anthropic(111);

        var scrubbed = scrubber.Scrub($"calling API with {key} now");

        Assert.Equal($"calling API with {Muster.Model.Redaction.Redact(key)} now", scrubbed);
        Assert.Equal("nothing secret here: password reset at https://example.invalid/reset",
            scrubber.Scrub("nothing secret here: password reset at https://example.invalid/reset"));
        Assert.Equal("", scrubber.Scrub(""));
    }
}
