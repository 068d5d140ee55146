using System.Globalization;

namespace Muster.Agents.Llm;

/// <summary>
/// The run's spending on models, shared by every LLM agent of the run (through <see cref="RunServices"/>). Once the
/// plan's <c>budget: {usd: N}</c> is spent, LLM agents that have not started yet end skipped.
/// </summary>
internal sealed class LlmBudget
{
    public const string RunParameter = "budget.usd";

    private readonly Lock _gate = new();
    private decimal _spent;

    public LlmBudget(decimal? limitUsd) => LimitUsd = limitUsd;

    public decimal? LimitUsd { get; }

    public decimal SpentUsd
    {
        get { lock (_gate) return _spent; }
    }

    public static LlmBudget For(AgentContext context) => context.Services.GetOrAdd(() => new LlmBudget(
        context.RunParameters.TryGetValue(RunParameter, out var text)
            ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var usd) && usd >= 0
                ? usd
                : throw new AgentSettingsException($"budget.usd must be a non-negative number of dollars, not '{text}'")
            : null));

    /// <summary>Throws <see cref="AgentSkippedException"/> when the run budget is already spent.</summary>
    public void EnsureAvailable()
    {
        if (LimitUsd is not { } limit) return;
        var spent = SpentUsd;
        if (spent >= limit)
        {
            throw new AgentSkippedException(
                $"run budget of {Usd(limit)} spent ({Usd(spent)})");
        }
    }

    public void Charge(decimal usd)
    {
        if (usd <= 0) return;
        lock (_gate) _spent += usd;
    }

    public static string Usd(decimal amount) => "$" + amount.ToString("0.00", CultureInfo.InvariantCulture);
}
