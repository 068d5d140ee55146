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
            return new CorpusRun(classes, overall, problems, result.Findings.Count, (int)result.Metrics["rules"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>The scores of one corpus run, with the findings' count and the number of rules that produced them.</summary>
public sealed record CorpusRun(IReadOnlyList<ClassScore> Classes, ClassScore Overall, IReadOnlyList<CaseOutcome> Problems, int Findings, int Rules);
