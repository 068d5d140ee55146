using System.Text;
using Muster.Agents;
using Muster.Engine;
using Muster.Model;
using Muster.SecretsCorpus;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.Engine;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Leaks;

/// <summary>
/// Issue 18: the scrubber knows every value the secrets agent found in the run, also for an agent of the same wave
/// that finished (and was journaled) before the value was found.
/// </summary>
public sealed class LateSecretRescrubTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("muster-late-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task A_value_found_after_another_agent_quoted_it_is_gone_from_the_outcome_and_the_journal_bytes()
    {
        var value = SampleTemplate.Expand("{alnum:24}", 511);
        var echoDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness()
            .Kind("echo", (_, _) => Task.FromResult(new AgentResult
            {
                Summary = $"saw {value}",
                Findings = [EngineHarness.Finding("echo.quote", Severity.Low) with { Message = $"line says {value}", Properties = new Dictionary<string, string> { ["line"] = value } }],
                Artifacts = [new Artifact("echo.txt", "text/plain", value)],
            }))
            .Kind("finder", async (context, token) =>
            {
                // Only once the echo agent's result is stamped and journaled does the run learn the value.
                await echoDone.Task.WaitAsync(TimeSpan.FromSeconds(60), token);
                context.Scrubber.Remember(value);
                return new AgentResult { Summary = "found one" };
            });
        var host = new RunHost(harness.Registry, new EngineOptions(), NoSecretScrubber.Instance);
        var plan = harness.Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: echo, kind: echo}, {id: finder, kind: finder}]\n");

        var outcome = await host.StartAsync(plan, _state, _state, new Dictionary<string, string>(), [new SignalOnFinish("echo", echoDone)],
            CancellationToken.None, "late");

        var echo = outcome.Agents.Single(a => a.AgentId == "echo").Result;
        var texts = new[] { echo.Summary, echo.Findings[0].Message, echo.Findings[0].Properties["line"], echo.Artifacts[0].Content };
        Assert.All(texts, t => Assert.DoesNotContain(value[..12], t, StringComparison.Ordinal));
        Assert.Equal($"line says {Redaction.Redact(value)}", echo.Findings[0].Message);
        var raw = Encoding.UTF8.GetString(Directory.GetFiles(_state).SelectMany(File.ReadAllBytes).ToArray());
        Assert.Contains("line says", raw, StringComparison.Ordinal);
        LeakCheck.AssertNone(raw, value, "the journal's bytes");
    }

    private sealed class SignalOnFinish(string agentId, TaskCompletionSource done) : IRunObserver
    {
        public ValueTask AgentFinishedAsync(AgentOutcome outcome)
        {
            if (outcome.AgentId == agentId) done.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
