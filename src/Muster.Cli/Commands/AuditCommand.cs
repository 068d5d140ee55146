using System.CommandLine;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Runs.Config;

namespace Muster.Cli.Commands;

/// <summary><c>muster audit PATH</c>: the built-in plan (or --plan) over a workspace.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path") { Description = "Workspace to audit." };
        var plan = new Option<string?>("--plan") { Description = "Run this plan instead of the built-in one ('muster plan show' prints it)." };
        var common = new CommonOptions();
        var command = new Command("audit", $"Audit a workspace with the built-in plan ({DefaultPlan.Describe(DefaultPlan.Build(cli.Registry))}) and write reports.");
        command.Arguments.Add(path);
        command.Options.Add(plan);
        common.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var root = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(root)) throw new UsageException($"'{parse.GetValue(path)}' is not a folder; give the workspace to audit");
            // --plan wins over muster.yaml's plan:, which wins over the built-in plan.
            var chosen = parse.GetValue(plan) is { } file ? new PlanParser(cli.Registry).ParseFile(PlanFiles.Require(file)) : null;
            var prepared = RepoPlan.Prepare(cli.Registry, root, parse.GetValue(common.Config), chosen, cli.Time);
            var state = parse.GetValue(common.State) is { } s ? Path.GetFullPath(s) : RunHost.DefaultStateDirectory(root);
            return await common.Session(cli, parse, state, prepared.Config, prepared.Suppressor).StartAsync(prepared.Plan, root, common.Parameters(parse), RunPurpose.Audit);
        });
        return command;
    }
}
