using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Muster.Cluster;

/// <summary>A logger factory that silences some categories (by prefix) and hands the rest to <paramref name="inner"/>.</summary>
internal sealed class CategoryFilteredLoggerFactory(ILoggerFactory inner, IReadOnlyList<string> silenced) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) =>
        silenced.Any(prefix => categoryName.StartsWith(prefix, StringComparison.Ordinal)) ? NullLogger.Instance : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory belongs to the caller.
    public void Dispose() { }
}
