namespace Muster.Gates;

/// <summary>One quality gate's verdict: what it requires, what it found, and the evidence (or why it could not tell).</summary>
public sealed record GateResult(string Id, string Name, string Requirement, GateStatus Status, string Summary, IReadOnlyList<string> Evidence)
{
    /// <summary>What the verdict does to the run (<see cref="GateMode.Fail"/> unless the plan or command line said otherwise).</summary>
    public GateMode Mode { get; init; } = GateMode.Fail;

    /// <summary>The gate fails the run: it is in fail mode and did not pass (failed, or could not be evaluated).</summary>
    public bool Blocks => Mode == GateMode.Fail && Status is GateStatus.Failed or GateStatus.NotEvaluated;

    /// <summary>In warn mode and did not pass: shown as WARN, the run is not failed for it.</summary>
    public bool Warns => Mode == GateMode.Warn && Status is GateStatus.Failed or GateStatus.NotEvaluated;

    /// <summary>The status as the gates tables show it: pass, FAIL, not evaluated, off, WARN or "WARN: not evaluated".</summary>
    public string Label => (Warns, Status) switch
    {
        (true, GateStatus.Failed) => "WARN",
        (true, _) => "WARN: not evaluated",
        _ => Status.ToLabel(),
    };

    public static GateResult Off(string id, string name, string requirement, GateModeOrigin origin) =>
        new(id, name, requirement, GateStatus.Off, $"turned off {origin.Where(id)}", []) { Mode = GateMode.Off };
}
