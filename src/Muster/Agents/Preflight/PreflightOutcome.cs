namespace Muster.Agents.Preflight;

public enum PreflightOutcome
{
    Pass,
    Fail,
    /// <summary>Worth knowing, not a failure (e.g. no container engine when the plan does not need one).</summary>
    Info,
}
