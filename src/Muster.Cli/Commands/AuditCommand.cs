using System.CommandLine;
using Muster.Agents.Secrets.Staged;
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
        var staged = new Option<bool>("--staged")
        {
            Description = "Scan only what the next commit adds or changes: the staged blobs in git's index (not the work tree), with the secrets agent (a pre-commit hook's audit).",
        };
        var common = new CommonOptions();
        var command = new Command("audit", $"Audit a workspace with the built-in plan ({DefaultPlan.Describe(DefaultPlan.Build(cli.Registry))}) and write reports.");
        command.Arguments.Add(path);
        command.Options.Add(plan);
        command.Options.Add(staged);
        common.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var root = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(root)) throw new UsageException($"'{parse.GetValue(path)}' is not a folder; give the workspace to audit");
            var state = parse.GetValue(common.State) is { } s ? Path.GetFullPath(s) : RunHost.DefaultStateDirectory(root);
            var parameters = common.Parameters(parse);
            if (parse.GetValue(staged))
            {
                if (parse.GetValue(plan) is not null) throw new UsageException("--staged runs its own plan (the secrets agent over git's index); drop --plan, or drop --staged to run the plan over the work tree");
                StagedChecks.RequireRepository(root, parse.GetValue(path)!);
                parameters[StagedScope.RunParameter] = "true";
                var stagedRun = StagedRun.Prepare(cli.Registry, root, parse.GetValue(common.Config), cli.Time);
                return await common.Session(cli, parse, state, stagedRun.Config, stagedRun.Suppressor).StartAsync(stagedRun.Plan, root, parameters, RunPurpose.Staged);
            }
            // --plan wins over muster.yaml's plan:, which wins over the built-in plan.
            var chosen = parse.GetValue(plan) is { } file ? new PlanParser(cli.Registry).ParseFile(PlanFiles.Require(file)) : null;
            var prepared = RepoPlan.Prepare(cli.Registry, root, parse.GetValue(common.Config), chosen, cli.Time);
            return await common.Session(cli, parse, state, prepared.Config, prepared.Suppressor).StartAsync(prepared.Plan, root, parameters, RunPurpose.Audit);
        });
        return command;
    }
}
