using System.CommandLine;
using Muster.Agents.Secrets;
using Muster.Engine;
using Muster.Engine.Plans;

namespace Muster.Cli.Commands;

/// <summary>
/// <c>muster baseline PATH</c>: records today's secret findings so later audits report only new ones. Entries are keyed on
/// file, rule and a salted hash of the secret (never the secret, never a line number).
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path") { Description = "Workspace whose current secret findings become the baseline." };
        var output = new Option<string?>("--baseline-file") { Description = $"Where to write it (default: PATH/{SecretsBaseline.DefaultRelativePath}, which audits read automatically)." };
        var command = new Command("baseline", "Record today's secret findings so later audits report only new ones.");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(root)) throw new UsageException($"'{parse.GetValue(path)}' is not a folder");
            var target = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : Path.Combine(root, SecretsBaseline.DefaultRelativePath);
            // The baseline must hold every current finding, so the scan must not filter by the baseline it replaces.
            if (File.Exists(target)) File.Delete(target);

            var plan = new PlanParser(cli.Registry).Parse("name: baseline\nwaves:\n  - name: secrets\n    agents: [{id: secrets, kind: secrets}]\n", "built-in:baseline");
            var host = new RunHost(cli.Registry, new EngineOptions { Time = cli.Time }, cli.Scrubber, cli.Loggers);
            var outcome = await host.StartAsync(plan, root, RunHost.DefaultStateDirectory(root), new Dictionary<string, string>(), [], cancellationToken);
            var secrets = outcome.Agents.Single();
            if (secrets.State != Muster.Model.AgentState.Succeeded)
            {
                cli.Error.WriteLine($"error: the secrets scan {secrets.State.ToString().ToLowerInvariant()}: {secrets.Error}; no baseline written");
                return ExitCodes.GateFailed;
            }
            var baseline = SecretsBaseline.Create(secrets.Result.Findings);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            baseline.Save(target);
            cli.Error.WriteLine($"baseline of {baseline.Entries.Count} secret finding(s) written to {target}; later audits report only new ones");
            return ExitCodes.Passed;
        });
        return command;
    }
}
