namespace Muster.Gates;

public enum GateTone
{
    Good,
    Warn,
    Bad,
}

/// <summary>The one-line verdict the report headlines give the gates, e.g. "2 gate(s) failed, 1 not evaluated".</summary>
public sealed record GateVerdictText(GateTone Tone, string Text)
{
    public static GateVerdictText Of(IReadOnlyList<GateResult> gates)
    {
        var failed = gates.Count(g => g.Blocks && g.Status == GateStatus.Failed);
        var notEvaluated = gates.Count(g => g.Blocks && g.Status == GateStatus.NotEvaluated);
        var warned = gates.Count(g => g.Warns);
        var warnings = warned > 0 ? $", {warned} warned" : "";
        if (failed > 0 || notEvaluated > 0)
        {
            var parts = new List<string>();
            if (failed > 0) parts.Add($"{failed} gate(s) failed");
            if (notEvaluated > 0) parts.Add(failed > 0 ? $"{notEvaluated} not evaluated" : $"{notEvaluated} gate(s) not evaluated");
            return new GateVerdictText(GateTone.Bad, string.Join(", ", parts) + warnings);
        }
        return warned > 0 ? new GateVerdictText(GateTone.Warn, $"gates passed, {warned} warned") : new GateVerdictText(GateTone.Good, "gates passed");
    }
}
