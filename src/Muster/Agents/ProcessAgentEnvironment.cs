using System.Collections;

namespace Muster.Agents;

/// <summary>The environment of the Muster process: the default of <see cref="AgentContext.Environment"/>.</summary>
public sealed class ProcessAgentEnvironment : IAgentEnvironment
{
    public static readonly ProcessAgentEnvironment Instance = new();

    private ProcessAgentEnvironment()
    {
    }

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    public IReadOnlyDictionary<string, string> Variables()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string k && entry.Value is string v) result[k] = v;
        }
        return result;
    }
}
