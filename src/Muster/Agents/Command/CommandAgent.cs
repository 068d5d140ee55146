using System.Globalization;
using Muster.Agents.Command.Parsers;
using Muster.Formats;
using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Agents.Command;

/// <summary>
/// Runs an existing tool that the plan names (a linter, a test runner, a scanner that writes SARIF) and turns its
/// output into findings and metrics. The program, its arguments and environment come only from this agent's
/// <c>with:</c> block; an exit code outside <c>exit-codes</c> or output the parser cannot read fails the agent rather
/// than passing for "no findings".
/// </summary>
internal sealed class CommandAgent : IAgent
{
    private const int ArtifactChars = 64 * 1024;

    public static readonly AgentDescriptor Descriptor =
        new("command", AgentRole.Verification,
            "Runs a program the plan names (no shell) and parses its output: sarif, junit, tsc, eslint or regex.",
            () => new CommandAgent())
        {
            Settings = CommandSettings.Docs,
            ValidateSettings = s => CommandSettings.From(s),
            InDefaultPlan = false,
            // With parser tsc or junit (OutputParsers).
            Metrics = [GateMetricNames.TypeErrors, GateMetricNames.TestsTotal, GateMetricNames.TestsFailed, GateMetricNames.TestsErrors, GateMetricNames.TestsSkipped],
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(context.Settings);
        var spec = CommandSpec.FromContext(context, settings);
        var parserName = settings.Output.Parser;
        var parser = OutputParsers.Create(settings.Output);
        var outputFile = settings.Output.OutputFile;

        var startedUtc = context.Time.GetUtcNow().UtcDateTime;
        var programName = Path.GetFileName(spec.Program);
        context.ReportProgress($"running {programName}");
        context.Services.TryGet<IChildProcessLog>(out var childProcesses);
        var outcome = await ProcessRunner.RunAsync(spec, context.Processes, context.Time, cancellationToken, childProcesses, context.AgentId).ConfigureAwait(false);
        var artifacts = new List<Artifact>();
        if (outcome.Stdout.Length > 0) artifacts.Add(new Artifact("stdout.txt", "text/plain", Bounded(context.Scrubber.Scrub(outcome.Stdout))));
        if (outcome.Stderr.Length > 0) artifacts.Add(new Artifact("stderr.txt", "text/plain", Bounded(context.Scrubber.Scrub(outcome.Stderr))));

        if (!spec.ExpectedExitCodes.Contains(outcome.ExitCode))
        {
            var tail = context.Scrubber.Scrub(Tail(outcome.Stderr.Length > 0 ? outcome.Stderr : outcome.Stdout, 800));
            throw new InvalidOperationException(
                $"'{programName}' exited with code {outcome.ExitCode}, expected {string.Join(" or ", spec.ExpectedExitCodes.Order())}" +
                (tail.Length > 0 ? $": {tail}" : ""));
        }

        var metrics = new Dictionary<string, double>
        {
            ["exit_code"] = outcome.ExitCode,
            ["duration_ms"] = Math.Round(outcome.Duration.TotalMilliseconds),
            ["stdout_bytes"] = outcome.StdoutBytes,
            ["stderr_bytes"] = outcome.StderrBytes,
        };
        var summary = $"'{programName}' exited {outcome.ExitCode} after {DurationText.Format(outcome.Duration)}";
        if (!outcome.ChildrenSupervised)
        {
            summary += $"; its child processes were not tied to Muster's life ({ChildWatchdog.UnavailableReason}): had Muster been killed, they could have kept running";
        }
        var findings = new List<Finding>();
        if (parser is not null)
        {
            var parserContext = new ParserContext
            {
                Root = Path.GetFullPath(context.Root),
                WorkingDirectory = spec.WorkingDirectory,
                AgentId = context.AgentId,
                Scrubber = context.Scrubber,
                SeverityMap = settings.Output.SeverityMap,
            };
            var notes = new List<string>();
            foreach (var (source, text) in Inputs(context, spec, outcome, outputFile, startedUtc))
            {
                ParsedOutput parsed;
                try
                {
                    parsed = parser.Parse(text, parserContext);
                }
                catch (OutputParseException e)
                {
                    throw new InvalidOperationException($"{parserName} parser could not read {source}: {context.Scrubber.Scrub(e.Message)}", e);
                }
                findings.AddRange(parsed.Findings);
                notes.Add(parsed.Note);
                foreach (var (name, value) in parsed.Metrics) metrics[name] = metrics.GetValueOrDefault(name) + value;
            }
            summary += "; " + string.Join("; ", notes);
        }
        metrics["findings"] = findings.Count;
        return new AgentResult
        {
            Findings = findings,
            Artifacts = artifacts,
            // Tool names and notes come from the tool's own output.
            Summary = context.Scrubber.Scrub(summary + "."),
            Metrics = metrics,
        };
    }

    private static IEnumerable<(string Source, string Text)> Inputs(
        AgentContext context, CommandSpec spec, ProcessOutcome outcome, string? outputFile, DateTime startedUtc)
    {
        if (outputFile is not null)
        {
            foreach (var (relative, text) in OutputFiles.Read(Path.GetFullPath(context.Root), outputFile, startedUtc, spec.MaxOutputBytes))
            {
                yield return ($"output file '{relative}'", text);
            }
            yield break;
        }
        if (outcome.StdoutTruncated)
        {
            throw new InvalidOperationException(
                $"standard output was {outcome.StdoutBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, over max-output-bytes " +
                $"({spec.MaxOutputBytes.ToString("N0", CultureInfo.InvariantCulture)}); raise it or have the tool write an output-file");
        }
        yield return ("standard output", outcome.Stdout);
    }

    private static string Bounded(string text) => text.Length <= ArtifactChars ? text : text[..ArtifactChars] + "\n… (truncated)\n";

    private static string Tail(string text, int chars)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= chars ? trimmed : "…" + trimmed[^chars..];
    }
}
