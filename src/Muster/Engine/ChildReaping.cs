namespace Muster.Engine;

/// <summary>
/// What resume did about the process groups an interrupted run recorded. <see cref="RunningMusterPid"/>: the run's own
/// Muster seems to run still (its recorded pid is alive), so nothing was killed: those groups may be its live work.
/// </summary>
public sealed record ChildReaping(int Reaped, int Recorded, int? RunningMusterPid = null);
