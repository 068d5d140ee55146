using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Cli.Commands;

internal static class StateFolder
{
    /// <summary>--state, else ./.muster, else the current folder if it is itself a state folder.</summary>
    public static string Resolve(string? option)
    {
        if (option is not null) return Path.GetFullPath(option);
        var here = RunHost.DefaultStateDirectory(".");
        if (File.Exists(Path.Combine(here, RunJournal.FileName))) return here;
        if (File.Exists(RunJournal.FileName)) return Path.GetFullPath(".");
        throw new UsageException("no journal found in ./.muster; pass --state DIR (the audited PATH/.muster by default)");
    }
}
