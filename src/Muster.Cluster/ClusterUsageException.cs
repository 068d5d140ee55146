namespace Muster.Cluster;

/// <summary>Bad cluster input (address, labels, roots, placement): one line naming the fix, exit code 2.</summary>
public sealed class ClusterUsageException(string message) : Exception(message);
