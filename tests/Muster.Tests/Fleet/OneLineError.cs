using System.Diagnostics;
using Muster.Tests.Cli;

namespace Muster.Tests.Fleet;

/// <summary>Issue 17's contract for bad cluster input: one line naming the fix, exit code 2, within 10 s, never a hang or a stack trace.</summary>
internal static class OneLineError
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <c>muster ARGS</c> in <paramref name="folder"/>, asserts the contract and returns the line.</summary>
    public static async Task<string> OfAsync(string folder, string[] args)
    {
        var watch = Stopwatch.StartNew();
        using var muster = MusterProcess.Start(folder, args);
        int exit;
        try
        {
            // The bound is the contract's; the extra seconds only let a hanging process be reported as one.
            exit = await muster.WaitAsync(Limit + TimeSpan.FromSeconds(20));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"muster {args[0]} still runs {watch.Elapsed.TotalSeconds:0.0} s after it started:\n{muster.Stderr}");
        }
        watch.Stop();
        var lines = muster.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == 2, $"muster {args[0]}: exit {exit}:\n{muster.Stderr}");
        Assert.True(watch.Elapsed < Limit, $"muster {args[0]} took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(lines.Length == 1, $"muster {args[0]} printed {lines.Length} lines:\n{muster.Stderr}");
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        return lines[0];
    }
}
