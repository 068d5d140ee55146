using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Muster.Tests.Engine;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which delays are armed, so a test advances time only once the engine
/// is parked on the delay it expects: no step is lost to a delay created just after it, and no test waits for time to pass.
/// </summary>
internal sealed class SteppedClock() : FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero))
{
    /// <summary>Real time a test waits for the engine to arm a delay before it fails (a bug, never a slow machine).</summary>
    private static readonly TimeSpan ArmTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<ArmedTimer, TimeSpan> _armed = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ArmedTimer(this);
        if (dueTime != Timeout.InfiniteTimeSpan) _armed[timer] = dueTime;
        timer.Inner = base.CreateTimer(s => { timer.Disarm(); callback(s); }, state, dueTime, period);
        return timer;
    }

    /// <summary>Waits until a delay of exactly <paramref name="dueTime"/> is armed, then moves time past it.</summary>
    public async Task AdvanceArmedAsync(TimeSpan dueTime)
    {
        await WaitForArmedAsync(dueTime);
        Advance(dueTime);
    }

    /// <summary>Waits until a delay of exactly <paramref name="dueTime"/> is armed (created, not yet fired or disposed).</summary>
    public async Task WaitForArmedAsync(TimeSpan dueTime)
    {
        var deadline = DateTime.UtcNow + ArmTimeout;
        while (!_armed.Values.Contains(dueTime))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {dueTime.TotalMilliseconds} ms delay was armed; armed: [{string.Join(", ", _armed.Values.Select(v => v.TotalMilliseconds))}] ms");
            }
            await Task.Delay(1, CancellationToken.None);
        }
    }

    private sealed class ArmedTimer(SteppedClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public void Disarm() => clock._armed.TryRemove(this, out _);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan) Disarm();
            else clock._armed[this] = dueTime;
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disarm();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disarm();
            return Inner.DisposeAsync();
        }
    }
}
