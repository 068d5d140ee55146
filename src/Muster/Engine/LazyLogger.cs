using Microsoft.Extensions.Logging;

namespace Muster.Engine;

/// <summary>
/// An agent's logger, created on its first use: <see cref="ILoggerFactory.CreateLogger"/> takes the factory's lock and
/// builds a logger per provider, which for 10,000 no-op agents (none of which logs) was most of their cost.
/// </summary>
internal sealed class LazyLogger(ILoggerFactory factory, string category) : ILogger
{
    private ILogger? _inner;

    private ILogger Inner => _inner ??= factory.CreateLogger(category);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => Inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Inner.Log(logLevel, eventId, state, exception, formatter);
}
