namespace Muster.Gates;

public enum GateStatus
{
    Passed,
    Failed,

    /// <summary>No agent gave the data the gate needs: it is unverified, never a pass.</summary>
    NotEvaluated,

    /// <summary>Turned off in the plan's <c>gates:</c> block.</summary>
    Off,
}

public static class GateStatusText
{
    public static string ToLabel(this GateStatus status) => status switch
    {
        GateStatus.Passed => "pass",
        GateStatus.Failed => "FAIL",
        GateStatus.NotEvaluated => "not evaluated",
        _ => "off",
    };

    public static string ToKey(this GateStatus status) => status switch
    {
        GateStatus.Passed => "passed",
        GateStatus.Failed => "failed",
        GateStatus.NotEvaluated => "not-evaluated",
        _ => "off",
    };
}
