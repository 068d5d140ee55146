using System.CommandLine;
using Muster.Agents.Secrets;
using Muster.Runs;

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
            var result = await new BaselineRun(cli.Registry, cli.Scrubber, cli.Time, cli.Loggers).CreateAsync(root, target, cancellationToken);
            if (result.Baseline is null)
            {
                var kept = File.Exists(target) ? $"the baseline at {target} is unchanged" : "no baseline written";
                cli.Error.WriteLine($"error: {result.Error}; {kept}");
                return ExitCodes.GateFailed;
            }
            cli.Error.WriteLine($"baseline of {result.Baseline.Entries.Count} secret finding(s) written to {target}; later audits report only new ones");
            return ExitCodes.Passed;
        });
        return command;
    }
}
