using System.CommandLine;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Gaps;
using Muster.Model;
using Muster.Runs;
using Muster.Runs.Config;

namespace Muster.Cli.Commands;

/// <summary><c>muster diff [RUN_A RUN_B]</c>: new, fixed and persisting gaps between two journaled runs.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext cli)
    {
        var runs = new Argument<string[]>("runs") { Description = "Two run ids, older first (default: the last two runs of the journal).", Arity = new ArgumentArity(0, 2) };
        var state = new Option<string?>("--state") { Description = "Folder of the run journal (default: ./.muster)." };
        var command = new Command("diff", "List new, fixed and persisting gaps between two runs, with the severity totals of each.");
        command.Arguments.Add(runs);
        command.Options.Add(state);
        command.SetAction(parse =>
        {
            using var journal = JournalReader.Open(StateFolder.Resolve(parse.GetValue(state)));
            var ids = parse.GetValue(runs) ?? [];
            var (before, after) = ids.Length switch
            {
                2 => Comparable(journal, ids[0], ids[1]),
                0 => LastTwo(journal),
                _ => throw new UsageException("give two run ids (older first), or none to compare the last two runs"),
            };
            var latest = journal.FindRun(after)!;
            // The later run as its audit reported it (the repository's suppressions as they are now); the earlier loses
            // only what its baseline marks hid, so what is newly suppressed reads "suppressed", not "fixed".
            var suppression = SuppressorOf(cli, latest.Root).Apply(Load(journal, after));
            var suppressed = SuppressedFindings.Of(latest.Root, PlanOf(cli, latest), suppression.Suppressed);
            var diff = GapDiff.Between(Register(cli, journal, before, Suppressor.None.Filter(Load(journal, before))),
                Register(cli, journal, after, suppression.Outcome), suppressed);
            Print(cli.Out, before, after, diff);
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>The last two runs of the latest non-baseline run's purpose: an audit is never compared with a baseline scan.</summary>
    private static (string, string) LastTwo(JournalReader journal)
    {
        var all = journal.ListRuns();
        var latest = all.LastOrDefault(r => r.Purpose != RunPurpose.Baseline) ?? all.LastOrDefault();
        var alike = latest is null ? [] : all.Where(r => r.Purpose == latest.Purpose).ToList();
        if (alike.Count < 2)
        {
            var what = latest is null ? "no runs" : $"{alike.Count} {latest.Purpose.ToKey()} run(s)";
            throw new UsageException($"the journal holds {what}; a diff needs two runs of the same purpose (see muster runs)");
        }
        return (alike[^2].RunId, alike[^1].RunId);
    }

    private static (string, string) Comparable(JournalReader journal, string before, string after)
    {
        var (a, b) = (Find(journal, before), Find(journal, after));
        if (a.Purpose != b.Purpose)
        {
            throw new UsageException($"run {before} is a {a.Purpose.ToKey()} and run {after} a {b.Purpose.ToKey()}: their gaps are not comparable; " +
                                     "give two runs of the same purpose (muster runs lists them)");
        }
        return (before, after);
    }

    private static RunRecord Find(JournalReader journal, string runId) =>
        journal.FindRun(runId) ?? throw new UsageException($"no run '{runId}' in this journal (see muster runs)");

    private static RunOutcome Load(JournalReader journal, string runId) =>
        journal.LoadOutcome(runId) ?? throw new UsageException($"no run '{runId}' in this journal (see muster runs)");

    private static GapRegister Register(CliContext cli, JournalReader journal, string runId, RunOutcome outcome) =>
        RunHistory.Register(outcome, OwnersOf(cli, journal.FindRun(runId)!));

    /// <summary>The audited repository's suppressions; none when its folder is gone.</summary>
    private static Suppressor SuppressorOf(CliContext cli, string root) =>
        Directory.Exists(root) ? RepoPlan.Load(cli.Registry, root, null, cli.Time).Suppressor : Suppressor.None;

    private static IReadOnlyList<OwnerRule> OwnersOf(CliContext cli, RunRecord record) => PlanOf(cli, record)?.Owners ?? [];

    private static Plan? PlanOf(CliContext cli, RunRecord record)
    {
        try
        {
            return new PlanParser(cli.Registry).Parse(record.PlanText, record.PlanSource);
        }
        catch (PlanException)
        {
            // The plan may name agent kinds this build no longer has; owners then fall back to CODEOWNERS and defaults.
            return null;
        }
    }

    private static void Print(TextWriter output, string before, string after, GapDiff diff)
    {
        output.WriteLine($"Gaps from {before} to {after}");
        output.WriteLine();
        output.WriteLine($"{"",-12}{"CRITICAL",9}{"HIGH",7}{"MEDIUM",8}{"LOW",6}{"TOTAL",7}");
        foreach (var (name, gaps) in Sections(diff))
        {
            var totals = GapDiff.Totals(gaps);
            output.WriteLine($"{name,-12}{Count(totals, Severity.Critical),9}{Count(totals, Severity.High),7}{Count(totals, Severity.Medium),8}{Count(totals, Severity.Low),6}{gaps.Count,7}");
        }
        foreach (var (name, gaps) in Sections(diff))
        {
            output.WriteLine();
            output.WriteLine($"{name.ToUpperInvariant()} ({gaps.Count})");
            if (gaps.Count == 0) output.WriteLine("  none");
            foreach (var gap in gaps)
            {
                var where = gap.Locations.Count switch
                {
                    0 => "",
                    1 => $" at {gap.Locations[0]}",
                    var n => $" at {gap.Locations[0]} and {n - 1} more",
                };
                output.WriteLine($"  {gap.Id}  {gap.Severity.ToLabel(),-8}  {gap.Title}{where}  [{gap.Owner}]");
            }
        }
    }

    private static IEnumerable<(string Name, IReadOnlyList<Gap> Gaps)> Sections(GapDiff diff) =>
        [("new", diff.New), ("fixed", diff.Fixed), ("suppressed", diff.Suppressed), ("persisting", diff.Persisting)];

    private static int Count(IReadOnlyList<KeyValuePair<Severity, int>> totals, Severity severity) =>
        totals.FirstOrDefault(p => p.Key == severity).Value;
}
