using System.Collections.Concurrent;
using Muster.Agents.Dependencies.OsvUpdate;
using Spectre.Console;

namespace Muster.Cli.Progress;

/// <summary>Download progress on a terminal: one bar per ecosystem with bytes, percentage and speed.</summary>
internal sealed class DownloadProgress(ProgressContext context) : IOsvUpdateProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    public static Task<IReadOnlyList<OsvUpdateResult>> RunLiveAsync(IAnsiConsole console, OsvUpdater updater, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(ctx => updater.RunAsync(new DownloadProgress(ctx), cancellationToken));

    public void Started(string ecosystem, Uri url) =>
        _tasks[ecosystem] = context.AddTask(Markup.Escape(ecosystem), autoStart: true, maxValue: 1).IsIndeterminate();

    public void Received(string ecosystem, long bytes, long? total)
    {
        if (!_tasks.TryGetValue(ecosystem, out var task)) return;
        if (total is > 0)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total.Value;
        }
        task.Value = bytes;
    }

    public void Finished(OsvUpdateResult result)
    {
        if (!_tasks.TryGetValue(result.Ecosystem, out var task)) return;
        var label = result.Outcome switch
        {
            OsvUpdateOutcome.Updated => "[green]updated[/]",
            OsvUpdateOutcome.Unchanged => "[grey]unchanged[/]",
            _ => "[red]FAILED[/]",
        };
        task.Description = $"{Markup.Escape(result.Ecosystem)} {label}";
        if (task.MaxValue <= 1 || result.Outcome != OsvUpdateOutcome.Updated) task.MaxValue = Math.Max(task.Value, 1);
        task.Value = task.MaxValue;
        task.IsIndeterminate = false;
        task.StopTask();
    }
}
