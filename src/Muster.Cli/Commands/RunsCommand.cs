using System.CommandLine;
using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Cli.Commands;

/// <summary><c>muster runs</c>: the runs in a journal, oldest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext cli)
    {
        var state = new Option<string?>("--state") { Description = "Folder of the run journal (default: ./.muster)." };
        var command = new Command("runs", "List the runs recorded in a journal.");
        command.Options.Add(state);
        command.SetAction(parse =>
        {
            using var reader = JournalReader.Open(StateFolder.Resolve(parse.GetValue(state)));
            cli.Out.WriteLine($"{"RUN",-22} {"STATUS",-12} {"STARTED (UTC)",-20} {"PURPOSE",-9} {"PLAN",-16} ROOT");
            foreach (var run in reader.ListRuns())
            {
                cli.Out.WriteLine($"{run.RunId,-22} {run.Status,-12} {run.StartedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {run.Purpose.ToKey(),-9} {run.PlanName,-16} {run.Root}");
            }
            return ExitCodes.Passed;
        });
        return command;
    }
}
