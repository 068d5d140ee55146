namespace Muster.Tests.Architecture;

/// <summary>Which library namespaces an agent may use: its own, the agent contract, the model and the shared readers.</summary>
internal static class AgentNamespaces
{
    public const string Contract = "Muster.Agents";

    private static readonly string[] Shared = ["Muster.Model", "Muster.Formats", "Muster.Workspace"];

    /// <summary>The agent folder a namespace belongs to (Muster.Agents.Imports.Python → Imports), or null.</summary>
    public static string? AgentOf(string ns) =>
        ns.StartsWith(Contract + ".", StringComparison.Ordinal) ? ns[(Contract.Length + 1)..].Split('.')[0] : null;

    /// <summary>Whether code of <paramref name="agent"/> (null: the contract) may not reference <paramref name="target"/>.</summary>
    public static bool IsForbiddenFor(string? agent, string target)
    {
        if (!target.StartsWith("Muster", StringComparison.Ordinal)) return false;
        if (target == Contract) return false;
        if (Shared.Any(s => target == s || target.StartsWith(s + ".", StringComparison.Ordinal))) return false;
        return agent is null || AgentOf(target) != agent;
    }
}
