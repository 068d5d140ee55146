using System.CommandLine;
using System.CommandLine.Parsing;
using Muster.Engine.Plans;

namespace Muster.Cli;

/// <summary>
/// "Did you mean" for a misspelt command or option: the closest name the command being parsed knows (its options, the
/// recursive ones of its parents, its subcommands). System.CommandLine's own suggestions go to stdout, which stays
/// for results, so they are worded here, on stderr, one line per token.
/// </summary>
internal static class Typos
{
    public static IEnumerable<string> Corrections(ParseResult parse)
    {
        var commands = parse.CommandResult.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var options = Options(parse.CommandResult).Where(n => n.StartsWith('-')).ToList();
        foreach (var token in parse.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            if (Suggest.Closest(token, token.StartsWith('-') ? options : commands) is { } close) yield return $"'{token}': did you mean '{close}'?";
        }
    }

    private static IEnumerable<string> Options(CommandResult result)
    {
        foreach (var option in result.Command.Options.Where(o => !o.Hidden))
        {
            yield return option.Name;
            foreach (var alias in option.Aliases) yield return alias;
        }
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive && !o.Hidden)) yield return option.Name;
        }
    }
}
