using System.CommandLine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Runs.Config;

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
            var runId = parse.GetValue(run)!;
            // The resumed run keeps its plan (journaled); its repository's muster.yaml and .musterignore apply after it as they are now.
            RunRecord? record;
            using (var journal = JournalReader.Open(state)) record = journal.FindRun(runId);
            var root = record?.Root;
            var (config, suppressor) = root is not null && Directory.Exists(root) || parse.GetValue(common.Config) is not null
                ? RepoPlan.Load(cli.Registry, root ?? ".", parse.GetValue(common.Config), cli.Time)
                : (RepoConfig.Defaults(Path.GetFullPath(".")), Suppressor.None);
            // The journaled plan decides whether its agents need the cluster (--cluster) to run where they are placed.
            var plan = record is null ? null : new PlanParser(cli.Registry).Parse(record.PlanText, record.PlanSource);
            return await common.Session(cli, parse, state, config, suppressor).ResumeAsync(runId, common.SetParameters(parse), plan, root, record?.Parameters);
        });
        return command;
    }
}
