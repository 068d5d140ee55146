using System.CommandLine;

namespace Muster.Cli.Commands;

/// <summary><c>muster resume RUN</c>: finish an interrupted run without redoing its succeeded agents.</summary>
internal static class ResumeCommand
{
    public static Command Create(CliContext cli)
    {
        var run = new Argument<string>("run") { Description = "Run id ('muster runs' lists them)." };
        var common = new CommonOptions();
        var command = new Command("resume", "Resume an interrupted run: succeeded agents keep their findings and are not run again.");
        command.Arguments.Add(run);
        common.AddTo(command, withParameters: false);
        // Credential-like parameters are not journaled; they are given again here.
        command.Options.Add(common.Set);
        command.SetAction(async (parse, _) =>
        {
            var state = StateFolder.Resolve(parse.GetValue(common.State));
            return await common.Session(cli, parse, state).ResumeAsync(parse.GetValue(run)!, common.SetParameters(parse));
        });
        return command;
    }
}
