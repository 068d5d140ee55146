namespace Muster.Cluster.Wire;

/// <summary>One attempt of one agent, as sent to a worker. Every text in it was scrubbed by the coordinator.</summary>
[GenerateSerializer, Immutable]
public sealed record AttemptRequest
{
    /// <summary>Chosen by the coordinator; names the attempt in every later call.</summary>
    [Id(0)] public required string AttemptId { get; init; }
    [Id(1)] public required string RunId { get; init; }
    [Id(2)] public required int Attempt { get; init; }

    /// <summary>The agent's spec: <see cref="WireJson.WriteSpec"/>.</summary>
    [Id(3)] public required string SpecJson { get; init; }

    /// <summary>The coordinator's root: the folder audited when the agent names no <c>root:</c>.</summary>
    [Id(4)] public required string RunRoot { get; init; }

    /// <summary>Earlier waves' outputs (scrubbed): <see cref="WireJson.WriteUpstream"/>.</summary>
    [Id(5)] public required string UpstreamJson { get; init; }
    [Id(6)] public required Dictionary<string, string> RunParameters { get; init; }

    /// <summary>
    /// The text of each user rule file the run's scrubber uses (the secrets agents' <c>rules:</c> under the run's root,
    /// <c>--set rules=FILE</c>), as the coordinator read them: the worker scrubs the result with them before sending it.
    /// </summary>
    [Id(7)] public string[] UserRules { get; init; } = [];
}
