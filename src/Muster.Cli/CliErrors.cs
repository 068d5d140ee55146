using Muster.Agents;
using Muster.Cluster;
using Muster.Engine;
using Muster.Engine.Journal;
using Muster.Engine.Plans;
using Muster.Runs.Config;

namespace Muster.Cli;

/// <summary>
/// Turns whatever escapes a command into one line and the exit code: input and environment errors (bad plan, unknown
/// run, unreadable journal, full or read-only disk) are 2 with the fix; anything else is an internal error, 3.
/// </summary>
internal static class CliErrors
{
    private const int ErrnoNoSpace = 28, ErrnoReadOnlyFs = 30, ErrnoQuota = 122;

    /// <summary>MUSTER_DEBUG=1 does what --verbose does: internal errors then carry their stack trace.</summary>
    public static bool DebugFromEnvironment => Environment.GetEnvironmentVariable("MUSTER_DEBUG") is "1" or "true";

    public static int Report(Exception exception, TextWriter error, ISecretScrubber scrubber, bool debug)
    {
        var e = Unwrap(exception);
        switch (e)
        {
            case UsageException or ClusterUsageException or JournalException or UnknownRunException or MissingRunParameterException or DirectoryNotFoundException or FileNotFoundException:
                error.WriteLine($"error: {OneLine(scrubber, e.Message)}");
                return ExitCodes.UsageError;
            case PlanException plan:
                foreach (var p in plan.Errors)
                {
                    error.WriteLine($"{p.File}:{p.Line}:{p.Column}: error: {OneLine(scrubber, p.Message)}" + (p.Fix is null ? "" : $"\n    fix: {OneLine(scrubber, p.Fix)}"));
                }
                error.WriteLine($"The plan has {plan.Errors.Count} error(s); nothing was run.");
                return ExitCodes.UsageError;
            case RepoConfigException config:
                foreach (var p in config.Errors)
                {
                    error.WriteLine($"{p.File}:{p.Line}:{p.Column}: error: {OneLine(scrubber, p.Message)}" + (p.Fix is null ? "" : $"\n    fix: {OneLine(scrubber, p.Fix)}"));
                }
                error.WriteLine($"The repository config has {config.Errors.Count} error(s) (docs/repo-config.md); nothing was run.");
                return ExitCodes.UsageError;
            case IOException { HResult: ErrnoNoSpace or ErrnoQuota }:
                error.WriteLine($"error: the disk is full: {OneLine(scrubber, e.Message)}: free space, or pass --state DIR / --output DIR on another disk");
                return ExitCodes.UsageError;
            case IOException { HResult: ErrnoReadOnlyFs } or UnauthorizedAccessException:
                error.WriteLine($"error: cannot write: {OneLine(scrubber, e.Message)}: pass --state DIR / --output DIR on a writable disk");
                return ExitCodes.UsageError;
            default:
                error.WriteLine($"internal error (please report): {e.GetType().FullName}: {OneLine(scrubber, e.Message)}");
                if (debug) error.WriteLine(scrubber.Scrub(exception.ToString()));
                return ExitCodes.InternalError;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        return e;
    }

    private static string OneLine(ISecretScrubber scrubber, string text) => scrubber.Scrub(text.ReplaceLineEndings(" ").Trim());
}
