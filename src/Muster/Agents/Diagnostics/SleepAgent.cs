using Muster.Formats;
using Muster.Model;

namespace Muster.Agents.Diagnostics;

/// <summary>Waits (cancellably) for <c>duration</c>; stands in for an I/O-bound agent in benchmarks and timeout drills.</summary>
internal sealed class SleepAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("sleep", AgentRole.Research, "Waits for 'duration' (default 1s), honouring cancellation; for drills and benchmarks.", () => new SleepAgent())
        {
            SettingKeys = ["duration"],
            InDefaultPlan = false,
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var duration = context.Settings.GetDuration("duration", TimeSpan.FromSeconds(1));
        await Task.Delay(duration, context.Time, cancellationToken).ConfigureAwait(false);
        return AgentResult.Empty($"slept {DurationText.Format(duration)}");
    }
}
