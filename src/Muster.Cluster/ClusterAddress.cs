using System.Globalization;

namespace Muster.Cluster;

/// <summary>
/// <c>--cluster redis://HOST:PORT[/CLUSTER_ID]</c>: the Redis that holds the membership table, and which cluster in it
/// (default <see cref="DefaultClusterId"/>); workers and coordinators of one audit name the same one.
/// </summary>
public sealed record ClusterAddress(string Host, int Port, string ClusterId)
{
    public const string DefaultClusterId = "muster";

    /// <summary>The StackExchange.Redis configuration: short connect timeout so an unreachable Redis is an error in seconds.</summary>
    public string RedisConfiguration => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)},connectTimeout=3000,syncTimeout=3000,abortConnect=false";

    public override string ToString() => $"redis://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}" + (ClusterId == DefaultClusterId ? "" : "/" + ClusterId);

    /// <exception cref="ClusterUsageException">Not a redis://HOST:PORT address.</exception>
    public static ClusterAddress Parse(string text)
    {
        const string Fix = "write --cluster redis://HOST:PORT (e.g. redis://127.0.0.1:6379), optionally /CLUSTER_ID";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host))
        {
            throw new ClusterUsageException($"--cluster '{text}' is not a redis:// address: {Fix}");
        }
        if (uri.IsDefaultPort || uri.Port is <= 0 or > 65535)
        {
            throw new ClusterUsageException($"--cluster '{text}' has no port: {Fix}");
        }
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ClusterUsageException($"--cluster '{text}' may hold only host, port and cluster id: {Fix}");
        }
        var id = uri.AbsolutePath.Trim('/');
        if (id.Length == 0) id = DefaultClusterId;
        if (!Engine.Plans.PlanParser.IsLabelText(id))
        {
            throw new ClusterUsageException($"--cluster '{text}': cluster id '{id}' may hold only letters, digits, '.', '_' and '-'");
        }
        return new ClusterAddress(uri.Host.Trim('[', ']'), uri.Port, id);
    }
}
