namespace Muster.Agents.InfraState.Nginx;

/// <summary>
/// A service nginx expects to reach: a <c>server</c> of an <c>upstream</c> block or a direct <c>proxy_pass</c> target,
/// with where it is written. <see cref="Port"/> is null when the config gives none.
/// </summary>
public sealed record ProxyTarget(string Host, int? Port, string File, int Line, string Via)
{
    public string Address => Port is { } p ? $"{Host}:{p}" : Host;
}
