using System.Diagnostics;

namespace Muster.Tests.Architecture;

/// <summary>One use of each wall-clock API the architecture test forbids in the library: proof that its scan sees them. Never called.</summary>
internal static class WallClockSamples
{
    public static async Task<object[]> EachKindAsync(Task work, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        bounded.CancelAfter(TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
        await work.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
        Thread.Sleep(0);
        return [DateTime.UtcNow, DateTime.Now, DateTimeOffset.UtcNow, DateTimeOffset.Now, watch.Elapsed];
    }
}
