using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Cli;
using Muster.Cli.Commands;
using Muster.Composition;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Model;
using Muster.Runs;

namespace Muster.Tests.Runs;

/// <summary>Regression (issue 11): <c>muster baseline</c> deleted the old baseline before scanning, so a failed scan left none.</summary>
public sealed class BaselineRunTests : IDisposable
{
    private readonly string _ws = Directory.CreateTempSubdirectory("muster-baseline-run-").FullName;

    public void Dispose() => Directory.Delete(_ws, recursive: true);

    private string Target => Path.Combine(_ws, SecretsBaseline.DefaultRelativePath);

    private const string OldBaseline = "{\"version\": 1, \"entries\": []}\n";

    [Fact]
    public async Task A_failed_scan_leaves_the_old_baseline_whole()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllTextAsync(Target, OldBaseline);
        var registry = BuiltInAgents.CreateRegistry();
        var failing = new AgentRegistry();
        foreach (var descriptor in registry.All)
        {
            failing.Add(descriptor.Kind == "secrets"
                ? descriptor with { Create = () => new FailingAgent() }
                : descriptor);
        }

        // Through the command itself, as a user runs it, with a secrets agent whose scan fails.
        var error = new StringWriter();
        var cli = new CliContext { Out = TextWriter.Null, Error = error, Loggers = NullLoggerFactory.Instance, Registry = failing };
        var code = await new RootCommand { BaselineCommand.Create(cli) }.Parse(["baseline", _ws]).InvokeAsync();

        Assert.Equal(1, code);
        Assert.Contains("is unchanged", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(OldBaseline, await File.ReadAllTextAsync(Target));
        Assert.False(File.Exists(Target + ".tmp"));
    }

    [Fact]
    public async Task The_new_baseline_holds_every_current_finding_and_the_run_is_journaled_as_a_baseline()
    {
        await File.WriteAllTextAsync(Path.Combine(_ws, "deploy.env"), $"GITHUB_TOKEN={Muster.Tests.Agents.Secrets.Planted.GitHub(5)}\n");
        var run = new BaselineRun(BuiltInAgents.CreateRegistry(), NoSecretScrubber.Instance, TimeProvider.System);

        var first = await run.CreateAsync(_ws, Target, CancellationToken.None);
        var second = await run.CreateAsync(_ws, Target, CancellationToken.None);

        Assert.NotNull(first.Baseline);
        Assert.NotEmpty(first.Baseline.Entries);
        // The second scan is not filtered by the first baseline: it replaces it with entries for the same findings
        // (each with a fresh random salt, so a secret's key differs between the two files).
        Assert.Equal(first.Baseline.Entries.Select(e => (e.Path, e.Rule, e.Fingerprint)), second.Baseline!.Entries.Select(e => (e.Path, e.Rule, e.Fingerprint)));
        Assert.Contains(second.Baseline.Entries, e => e is { Salt.Length: 32, Key.Length: 8, Fingerprint: null });
        Assert.True(File.Exists(Path.Combine(second.Report.OutputDirectory, ContinuationWriter.FileName)));
        using var journal = JournalReader.Open(RunHost.DefaultStateDirectory(_ws));
        Assert.All(journal.ListRuns(), r => Assert.Equal(RunPurpose.Baseline, r.Purpose));
    }

    private sealed class FailingAgent : IAgent
    {
        public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
            throw new IOException("disk gone");
    }
}
