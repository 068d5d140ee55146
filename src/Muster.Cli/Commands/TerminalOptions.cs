using System.CommandLine;
using Muster.Cli.Terminal;
using Muster.Model;

namespace Muster.Cli.Commands;

/// <summary>What a run prints on the terminal (stderr) after it ends: the findings list and how much of it.</summary>
internal sealed class TerminalOptions
{
    public Option<string> MinSeverity { get; } = new("--min-severity")
    {
        Description = "List findings at or above this severity after the run (CRITICAL, HIGH, MEDIUM, LOW, INFO).",
        DefaultValueFactory = _ => TerminalSettings.DefaultMinSeverity.ToLabel(),
    };
    public Option<int> Limit { get; } = new("--findings-limit")
    {
        Description = "List at most this many findings; the rest are counted and left to the reports (0: none).",
        DefaultValueFactory = _ => TerminalSettings.DefaultLimit,
    };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the gates and what failed: no progress, no findings list." };

    public void AddTo(Command command)
    {
        command.Options.Add(MinSeverity);
        command.Options.Add(Limit);
        command.Options.Add(Quiet);
    }

    public TerminalSettings Read(ParseResult parse, TextWriter error)
    {
        var severity = parse.GetValue(MinSeverity) ?? "";
        if (!SeverityText.TryParse(severity, out var min))
        {
            throw new UsageException($"--min-severity must be CRITICAL, HIGH, MEDIUM, LOW or INFO, not '{severity}'");
        }
        var limit = parse.GetValue(Limit);
        if (limit < 0) throw new UsageException($"--findings-limit must be 0 or more, not {limit}");
        return new TerminalSettings { MinSeverity = min, Limit = limit, Quiet = parse.GetValue(Quiet), Colour = TerminalSettings.ColourFor(error) };
    }
}
