namespace Muster.Engine.Journal;

/// <summary>A process group a command agent started: its id (the leader's pid) and the leader's start time.</summary>
public sealed record ChildGroupRecord(string AgentId, int Pgid, long StartTime);
