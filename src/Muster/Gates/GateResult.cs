namespace Muster.Gates;

/// <summary>One quality gate's verdict: what it requires, what it found, and the evidence (or why it could not tell).</summary>
public sealed record GateResult(string Id, string Name, string Requirement, GateStatus Status, string Summary, IReadOnlyList<string> Evidence)
{
    public static GateResult Off(string id, string name, string requirement) =>
        new(id, name, requirement, GateStatus.Off, "turned off in the plan's gates:", []);
}
