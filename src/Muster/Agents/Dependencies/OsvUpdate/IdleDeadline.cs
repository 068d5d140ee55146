namespace Muster.Agents.Dependencies.OsvUpdate;

/// <summary>
/// A token that is cancelled when <see cref="Restart"/> was not called again within the idle time, on the given
/// clock, or when the outer token is cancelled. Starts stopped: the first <see cref="Restart"/> arms it.
/// </summary>
internal sealed class IdleDeadline : IDisposable
{
    private readonly TimeSpan _idle;
    private readonly CancellationTokenSource _source;
    private readonly ITimer _timer;

    public IdleDeadline(TimeSpan idle, TimeProvider time, CancellationToken outer)
    {
        _idle = idle;
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _timer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), _source, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Data arrived: the idle time starts again from now.</summary>
    public void Restart() => _timer.Change(_idle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // a timer callback already under way when Dispose ran: the download is over
        }
    }
}
