using System.Collections.Concurrent;
using Muster.Runs;

namespace Muster.Cli.Mcp;

/// <summary>Runs started by this <c>muster mcp</c> process, so later tool calls find their journal without being told.</summary>
internal sealed class McpRuns : IAsyncDisposable
{
    public sealed record Entry(string RunId, string Root, string StateDirectory, string ReportDirectory, Task<AfterRunResult> Run);

    private readonly ConcurrentDictionary<string, Entry> _runs = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the server stops: running runs end interrupted (resumable) with their journal flushed.</summary>
    public CancellationTokenSource Lifetime { get; } = new();

    public void Add(Entry entry) => _runs[entry.RunId] = entry;

    public Entry? Find(string runId) => _runs.GetValueOrDefault(runId);

    public async ValueTask DisposeAsync()
    {
        await Lifetime.CancelAsync();
        var running = _runs.Values.Select(r => r.Run).Where(t => !t.IsCompleted).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Interrupted runs are in the journal; 'muster resume' finishes them.
        }
        Lifetime.Dispose();
    }
}
