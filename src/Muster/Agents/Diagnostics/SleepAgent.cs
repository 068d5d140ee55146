using Muster.Formats;
using Muster.Model;

namespace Muster.Agents.Diagnostics;

/// <summary>
/// Waits (cancellably) for <c>duration</c>; stands in for an I/O-bound agent in benchmarks and timeout drills.
/// <c>wind-down</c> makes it take that long to stop once cancelled, like an agent flushing its work.
/// </summary>
internal sealed class SleepAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("sleep", AgentRole.Research, "Waits for 'duration' (default 1s), honouring cancellation after 'wind-down' (default 0s); for drills and benchmarks.", () => new SleepAgent())
        {
            Settings = SleepSettings.Docs,
            ValidateSettings = s => SleepSettings.From(s),
            InDefaultPlan = false,
            ForTesting = true,
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = SleepSettings.From(context.Settings);
        var duration = settings.Duration;
        var windDown = settings.WindDown;
        try
        {
            await Task.Delay(duration, context.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (windDown > TimeSpan.Zero)
        {
            await Task.Delay(windDown, context.Time, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return AgentResult.Empty($"slept {DurationText.Format(duration)}");
    }
}
