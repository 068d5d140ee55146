using System.CommandLine;
using Muster.Engine;
using Muster.Runs;
using Muster.Runs.Config;

namespace Muster.Cli.Commands;

/// <summary>
/// <c>muster baseline PATH</c>: records today's secret findings so later audits (on any clone) list them as suppressed.
/// Entries are keyed on file, rule and a slow, salted, truncated key of the secret (never the secret, never a line).
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path") { Description = "Workspace whose current secret findings become the baseline." };
        var output = new Option<string?>("--baseline-file") { Description = "Where to write it (default: muster.yaml's baseline:, else muster-baseline.json beside muster.yaml or at the git root; commit it)." };
        var config = new Option<string?>("--config") { Description = $"Repository config to use instead of the {RepoConfig.FileName} found from PATH upward." };
        var state = new Option<string?>("--state") { Description = "Folder of the run journal (default: PATH/.muster)." };
        var common = new CommonOptions();
        var command = new Command("baseline", "Record today's secret findings in a committed baseline so later audits list them as suppressed.");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(state);
        command.Options.Add(common.Set);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(root)) throw new UsageException($"'{parse.GetValue(path)}' is not a folder");
            var repo = RepoConfigDiscovery.Load(root, parse.GetValue(config), cli.Registry);
            var target = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : repo.BaselineFile;
            var stateDirectory = parse.GetValue(state) is { } s ? Path.GetFullPath(s) : RunHost.DefaultStateDirectory(root);
            var result = await new BaselineRun(cli.Registry, cli.Scrubber, cli.Time, cli.Loggers)
                .CreateAsync(root, target, cancellationToken, stateDirectory, repo, common.SetParameters(parse));
            if (result.Baseline is null)
            {
                var kept = File.Exists(target) ? $"the baseline at {target} is unchanged" : "no baseline written";
                cli.Error.WriteLine($"error: {result.Error}; {kept}");
                return ExitCodes.GateFailed;
            }
            cli.Error.WriteLine($"baseline of {result.Baseline.Entries.Count} secret finding(s) written to {target}; commit it: later audits list these as suppressed");
            return ExitCodes.Passed;
        });
        return command;
    }
}
