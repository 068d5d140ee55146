using System.CommandLine;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Runs.Config;

namespace Muster.Cli.Commands;

/// <summary><c>muster run plan.yaml</c>: any plan over a root.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var planArg = new Argument<string>("plan") { Description = "Plan file (YAML)." };
        var rootOption = new Option<string>("--root") { Description = "Workspace the agents work on (default: current folder).", DefaultValueFactory = _ => "." };
        var common = new CommonOptions();
        var command = new Command("run", "Run a plan's waves of agents and write reports.");
        command.Arguments.Add(planArg);
        command.Options.Add(rootOption);
        common.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var plan = new PlanParser(cli.Registry).ParseFile(PlanFiles.Require(parse.GetValue(planArg)!));
            var root = Path.GetFullPath(parse.GetValue(rootOption)!);
            if (!Directory.Exists(root)) throw new UsageException($"--root '{root}' is not a folder");
            var state = parse.GetValue(common.State) is { } s ? Path.GetFullPath(s) : RunHost.DefaultStateDirectory(root);
            var prepared = RepoPlan.Prepare(cli.Registry, root, parse.GetValue(common.Config), plan, cli.Time);
            return await common.Session(cli, parse, state, prepared.Config, prepared.Suppressor).StartAsync(prepared.Plan, root, common.Parameters(parse), RunPurpose.Run);
        });
        return command;
    }
}
