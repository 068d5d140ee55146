using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Model;

namespace Muster.SecretsCorpus;

/// <summary>Writes the corpus to a temporary folder, runs the secrets agent over it once and scores the findings.</summary>
public static class CorpusRunner
{
    public static async Task<CorpusRun> RunAsync(IReadOnlyList<QualityCase>? cases = null)
    {
        cases ??= QualityCorpus.All;
        WarmUp();
        var root = Directory.CreateTempSubdirectory("muster-secrets-quality-").FullName;
        try
        {
            var expected = CorpusTree.Write(root, cases);
            var context = new AgentContext
            {
                RunId = "secrets-quality",
                AgentId = "secrets",
                Kind = "secrets",
                Role = AgentRole.Scanner,
                Root = root,
                Settings = new AgentSettings(new Dictionary<string, object?> { ["salt"] = "secrets-quality" }),
            };
            var result = await SecretsAgent.Descriptor.Create().RunAsync(context, CancellationToken.None);
            var (classes, overall, problems) = CorpusScorer.Score(cases, expected, result.Findings);
            return new CorpusRun(classes, overall, problems, result.Findings.Count, (int)result.Metrics["rules"])
            {
                ScanErrors = result.Findings.Where(f => f.RuleId == "secrets/scan-error").Select(f => f.Location + ": " + f.Message).ToList(),
            };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Runs every rule's regex once, so a first use on a loaded machine cannot hit the match timeout inside the corpus
    // (a timed-out window would change the scores and make the docs table flaky).
    private static void WarmUp()
    {
        var rules = SecretRuleSet.BuiltIn;
        var text = string.Join("\n", rules.Rules.SelectMany(r => r.Keywords).Select(k => k + " = x"));
        new SecretDetector(rules).Scan(text);
    }
}

/// <summary>The scores of one corpus run, with the findings' count and the number of rules that produced them.</summary>
public sealed record CorpusRun(IReadOnlyList<ClassScore> Classes, ClassScore Overall, IReadOnlyList<CaseOutcome> Problems, int Findings, int Rules)
{
    /// <summary>Files the agent could not verify (a regex that gave up, an unreadable file): each one is a defect of the rules.</summary>
    public IReadOnlyList<string> ScanErrors { get; init; } = [];
}
