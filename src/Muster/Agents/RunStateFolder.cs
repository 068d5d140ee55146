namespace Muster.Agents;

/// <summary>
/// The run's state folder, for agents that keep files between runs (the fingerprint salt). With <c>--state</c>
/// elsewhere, nothing is written under the audited root.
/// </summary>
public sealed record RunStateFolder(string Path);
