using System.CommandLine;
using Muster.Engine.Plans;

namespace Muster.Cli.Commands;

/// <summary><c>muster plan show</c> prints the built-in plan; <c>muster plan check FILE</c> validates one without running it.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext cli)
    {
        var show = new Command("show", "Print the built-in audit plan (copy it, edit it, run it with 'muster run').");
        show.SetAction(_ =>
        {
            cli.Out.Write(DefaultPlan.Yaml(cli.Registry));
            return ExitCodes.Passed;
        });

        var file = new Argument<string>("file") { Description = "Plan file (YAML)." };
        var check = new Command("check", "Validate a plan and list every error with file:line:column.");
        check.Arguments.Add(file);
        check.SetAction(parse =>
        {
            var plan = new PlanParser(cli.Registry).ParseFile(PlanFiles.Require(parse.GetValue(file)!));
            cli.Out.WriteLine($"{plan.Source}: plan '{plan.Name}' is valid: {plan.Waves.Count} waves, {plan.AllAgents.Count()} agents.");
            return ExitCodes.Passed;
        });

        var command = new Command("plan", "Show or check plans.");
        command.Subcommands.Add(show);
        command.Subcommands.Add(check);
        return command;
    }
}
