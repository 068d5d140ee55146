using Microsoft.Extensions.AI;

namespace Muster.Agents.Llm;

/// <summary>Tokens and dollars one agent used, from the usage figures the server returned for each call.</summary>
internal sealed class UsageTally(ModelPrice? price, LlmBudget budget)
{
    public long InputTokens { get; private set; }
    public long OutputTokens { get; private set; }
    public int Calls { get; private set; }
    public int CallsWithoutUsage { get; private set; }
    public decimal CostUsd { get; private set; }

    /// <summary>Whether the dollar figure covers every call: a price is known and the server reported usage each time.</summary>
    public bool CostMeasured => price is not null && CallsWithoutUsage == 0;

    public string Describe() =>
        $"{InputTokens:N0} tokens in, {OutputTokens:N0} out over {Calls} calls" + (CostMeasured ? $", {LlmBudget.Usd(CostUsd)}" : "");

    public void Add(UsageDetails? usage)
    {
        Calls++;
        if (usage?.InputTokenCount is null && usage?.OutputTokenCount is null)
        {
            CallsWithoutUsage++;
            return;
        }
        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        InputTokens += input;
        OutputTokens += output;
        if (price is null) return;
        var cost = price.Cost(input, output);
        CostUsd += cost;
        budget.Charge(cost);
    }
}
