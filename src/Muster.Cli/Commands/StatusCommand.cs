using System.CommandLine;
using Muster.Engine.Journal;
using Muster.Model;

namespace Muster.Cli.Commands;

/// <summary><c>muster status RUN</c>: each agent's state, also while the run is live (overdue agents included).</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext cli)
    {
        var run = new Argument<string?>("run") { Description = "Run id (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var state = new Option<string?>("--state") { Description = "Folder of the run journal (default: ./.muster)." };
        var command = new Command("status", "Show each agent's state in a run.");
        command.Arguments.Add(run);
        command.Options.Add(state);
        command.SetAction(parse =>
        {
            using var reader = JournalReader.Open(StateFolder.Resolve(parse.GetValue(state)));
            var runId = parse.GetValue(run) ?? reader.ListRuns().LastOrDefault()?.RunId
                ?? throw new UsageException("the journal holds no runs yet");
            var record = reader.FindRun(runId) ?? throw new UsageException($"no run '{runId}'; 'muster runs' lists them");
            var notes = reader.LastTransitions(runId);
            cli.Out.WriteLine($"Run {record.RunId}: {record.Status}" + (record.StopReason is null ? "" : $" ({record.StopReason})"));
            cli.Out.WriteLine($"{"AGENT",-28} {"WAVE",4} {"STATE",-10} {"ATTEMPTS",8} {"FINDINGS",8}  {"HOST",-16} NOTE");
            var agents = reader.LoadAgents(runId);
            foreach (var agent in agents)
            {
                var note = agent.Error ?? (notes.TryGetValue(agent.AgentId, out var t) ? t.Note : null) ?? "";
                var stateText = agent.State.ToLabel() + (agent.WentOverdue && agent.State != AgentState.Overdue ? "*" : "");
                cli.Out.WriteLine($"{agent.AgentId,-28} {agent.WaveIndex + 1,4} {stateText,-10} {agent.Attempts,8} {agent.Result.Findings.Count,8}  {agent.Result.Host ?? "-",-16} {note}");
            }
            if (agents.Any(a => a.WentOverdue)) cli.Out.WriteLine("* went overdue (soft timeout passed) before finishing");
            return ExitCodes.Passed;
        });
        return command;
    }
}
