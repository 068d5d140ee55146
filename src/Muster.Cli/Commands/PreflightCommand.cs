using System.CommandLine;
using Muster.Agents.Preflight;
using Muster.Engine.Plans;

namespace Muster.Cli.Commands;

/// <summary><c>muster preflight PATH [--plan FILE]</c>: seconds-long checks before a long run; exit 1 on any failure.</summary>
internal static class PreflightCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path") { Description = "Workspace the run will audit." };
        var plan = new Option<string?>("--plan") { Description = "The plan about to run (its folders, credentials and agents are checked too)." };
        var state = new Option<string?>("--state") { Description = "Journal folder the run will use (default: PATH/.muster)." };
        var output = new Option<string?>("--output", "-o") { Description = "Report folder the run will write." };
        var command = new Command("preflight", "Check, in seconds, that a run can work: folders, credentials (format only), container engine, probe targets, status documents, journal room.");
        command.Arguments.Add(path);
        command.Options.Add(plan);
        command.Options.Add(state);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(root)) throw new UsageException($"'{parse.GetValue(path)}' is not a folder; give the workspace to check");
            var request = new PreflightRequest
            {
                Root = root,
                Plan = parse.GetValue(plan) is { } file ? new PlanParser(cli.Registry).ParseFile(PlanFiles.Require(file)).Overview() : null,
                StateDirectory = parse.GetValue(state) is { } s ? Path.GetFullPath(s) : null,
                OutputDirectory = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : null,
            };
            var checks = await new PreflightRunner(request).RunAsync(cancellationToken);
            foreach (var check in checks) cli.Out.WriteLine(check.ToString());
            var failed = checks.Count(c => c.Outcome == PreflightOutcome.Fail);
            cli.Out.WriteLine(failed == 0
                ? $"preflight passed: {checks.Count(c => c.Outcome == PreflightOutcome.Pass)} checks"
                : $"preflight FAILED: {failed} of {checks.Count} checks");
            return failed == 0 ? ExitCodes.Passed : ExitCodes.GateFailed;
        });
        return command;
    }
}
