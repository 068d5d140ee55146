using Muster.Engine;
using Muster.Model;

namespace Muster.Tests.Reports;

/// <summary>A generated run with thousands of findings across agents, rules, severities and files, long text included.</summary>
internal static class ManyFindingsRun
{
    public static RunOutcome Create(int count, string runId = "20260201-090000-many", int seed = 16, int offset = 0)
    {
        var random = new Random(seed);
        var agents = Enumerable.Range(0, 8).Select(a => new AgentOutcome
        {
            AgentId = $"agent-{a}",
            Kind = "scanner",
            Role = AgentRole.Scanner,
            WaveIndex = a % 2,
            State = AgentState.Succeeded,
            Result = new AgentResult
            {
                Findings = Enumerable.Range(0, count / 8).Select(i =>
                {
                    var n = offset + a * (count / 8) + i;
                    var severity = (Severity)(n % 5);
                    var rule = $"MUSTER-GEN-{n % 40:000}";
                    var path = $"services/service-{n % 97}/src/module_{n % 13}/{new string('x', random.Next(5, 40))}_{n}.py";
                    return new Finding
                    {
                        RuleId = rule,
                        Title = $"Generated problem {n} in {path} " + new string('ä', n % 30),
                        Severity = severity,
                        Category = n % 3 == 0 ? "dependencies" : "configuration",
                        Message = $"Finding {n}: GHSA-35jh-r3h4-6jhm and CVE-2021-{23337 + n % 7} apply; " + new string('m', 200),
                        Location = new SourceLocation(path, 1 + n % 400, 1 + n % 30),
                        AgentId = $"agent-{a}",
                        Remediation = "Do the `thing` with `care` " + new string('r', 100),
                        Evidence = "value=…" + n,
                    }.WithDefaultFingerprint("m" + n);
                }).ToList(),
            },
        }).ToList();
        var start = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
        return new RunOutcome
        {
            RunId = runId,
            PlanName = "generated",
            Root = "/srv/generated",
            Status = RunStatus.Completed,
            StartedAt = start,
            FinishedAt = start.AddMinutes(3),
            Agents = agents,
        };
    }
}
