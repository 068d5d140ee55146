namespace Muster.Cluster.Worker;

/// <summary>What <c>muster worker</c> offers: its labels and named roots (folders that exist on this machine).</summary>
public sealed record WorkerSettings
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Roots { get; init; } = new Dictionary<string, string>();

    /// <summary>What results record as their host: the <c>host</c> label, else the machine's name.</summary>
    public string Host => Labels.TryGetValue("host", out var host) ? host : Environment.MachineName;
}
