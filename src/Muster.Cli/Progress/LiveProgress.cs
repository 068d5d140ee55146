using System.Collections.Concurrent;
using Muster.Engine;
using Muster.Engine.Plans;
using Muster.Model;
using Spectre.Console;

namespace Muster.Cli.Progress;

/// <summary>The live view on a terminal: the current wave, then one line per agent with its state, elapsed time and overdue marker.</summary>
internal sealed class LiveProgress(IAnsiConsole console, TimeProvider time) : IRunObserver
{
    private sealed class Row
    {
        public required string Id;
        public AgentState State = AgentState.Pending;
        public long StartTicks;
        public TimeSpan? Final;
        public string Note = "";
        public bool Overdue;
    }

    private readonly ConcurrentDictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private volatile string _wave = "";
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Renders until the run finishes.</summary>
    public Task RenderAsync() => console.Live(Build()).AutoClear(false).StartAsync(async ctx =>
    {
        while (!_done.Task.IsCompleted)
        {
            ctx.UpdateTarget(Build());
            await Task.WhenAny(_done.Task, Task.Delay(250));
        }
        ctx.UpdateTarget(Build());
    });

    /// <summary>"Wave 2: scan"; a name that already says "Wave 2" ("Wave 2 - analysis") is shown as it is.</summary>
    internal static string WaveLabel(int index, string name)
    {
        var prefix = $"Wave {index + 1}";
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (name.Length == prefix.Length || !char.IsDigit(name[prefix.Length]))
            ? name
            : $"{prefix}: {name}";
    }

    public ValueTask WaveStartedAsync(WavePlan wave)
    {
        _wave = WaveLabel(wave.Index, wave.Name);
        foreach (var agent in wave.Agents) _rows.TryAdd(agent.Id, new Row { Id = agent.Id });
        return ValueTask.CompletedTask;
    }

    public ValueTask AgentStateChangedAsync(string agentId, int attempt, AgentState state, DateTimeOffset at, string? note)
    {
        var row = _rows.GetOrAdd(agentId, id => new Row { Id = id });
        if (row.State == AgentState.Pending) row.StartTicks = time.GetTimestamp();
        row.State = state;
        row.Overdue |= state == AgentState.Overdue;
        if (note is not null) row.Note = note;
        return ValueTask.CompletedTask;
    }

    public void AgentProgress(string agentId, string note)
    {
        if (_rows.TryGetValue(agentId, out var row)) row.Note = note;
    }

    public ValueTask AgentFinishedAsync(AgentOutcome outcome)
    {
        var row = _rows.GetOrAdd(outcome.AgentId, id => new Row { Id = id });
        row.State = outcome.State;
        row.Final = outcome.Duration;
        row.Note = outcome.Error ?? $"{outcome.Result.Findings.Count} findings";
        return ValueTask.CompletedTask;
    }

    public ValueTask RunFinishedAsync(RunOutcome run)
    {
        _done.TrySetResult();
        return ValueTask.CompletedTask;
    }

    private Table Build()
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(_wave));
        table.AddColumns("Agent", "State", "Elapsed", "Note");
        foreach (var row in _rows.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var elapsed = row.Final ?? (row.State == AgentState.Pending ? TimeSpan.Zero : time.GetElapsedTime(row.StartTicks));
            var color = row.State switch
            {
                AgentState.Succeeded => "green",
                AgentState.Failed or AgentState.TimedOut => "red",
                AgentState.Overdue => "yellow",
                AgentState.Running => "blue",
                _ => "grey",
            };
            var state = $"[{color}]{row.State.ToLabel()}[/]" + (row.Overdue && row.State != AgentState.Overdue ? " [yellow](was overdue)[/]" : "");
            var note = row.Note.Length > 80 ? row.Note[..77] + "..." : row.Note;
            table.AddRow(Markup.Escape(row.Id), state, $"{elapsed.TotalSeconds:0.0}s", Markup.Escape(note));
        }
        return table;
    }
}
