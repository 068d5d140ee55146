using System.CommandLine;

namespace Muster.Cli.Commands;

/// <summary><c>muster agents</c>: the agent kinds a plan may use.</summary>
internal static class AgentsCommand
{
    public static Command Create(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Also list the kinds meant for tests and drills (noop, sleep)." };
        var command = new Command("agents", "List the agent kinds a plan may use.");
        command.Options.Add(all);
        command.SetAction(parse =>
        {
            var showAll = parse.GetValue(all);
            foreach (var agent in cli.Registry.All.Where(a => showAll || !a.ForTesting))
            {
                var settings = agent.SettingKeys is { Count: > 0 } keys ? $" [with: {string.Join(", ", keys)}]" : "";
                cli.Out.WriteLine($"{agent.Kind,-22} {agent.DefaultRole.ToString().ToLowerInvariant(),-13} {agent.Description}{settings}");
            }
            return ExitCodes.Passed;
        });
        return command;
    }
}
