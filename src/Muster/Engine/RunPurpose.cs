namespace Muster.Engine;

/// <summary>Why a run was started, kept in the journal so diffs and trends compare like with like.</summary>
public enum RunPurpose
{
    /// <summary><c>muster audit</c> or the MCP <c>audit</c> tool: a workspace audit.</summary>
    Audit,

    /// <summary><c>muster run</c> or the MCP <c>run_plan</c> tool: a plan of the user's.</summary>
    Run,

    /// <summary><c>muster baseline</c>: a secrets scan whose findings become the baseline; never compared with audits.</summary>
    Baseline,

    /// <summary><c>muster audit --staged</c>: the staged changes only; compared only with earlier staged scans.</summary>
    Staged,
}

public static class RunPurposeText
{
    public static string ToKey(this RunPurpose purpose) => purpose.ToString().ToLowerInvariant();

    /// <summary>The stored key, or for a schema-1 journal (no purpose column) the purpose its plan source implies.</summary>
    public static RunPurpose FromJournal(string? key, string planSource) =>
        Enum.TryParse<RunPurpose>(key, ignoreCase: true, out var purpose) && !int.TryParse(key, out _) ? purpose
        : planSource switch
        {
            "built-in:baseline" => RunPurpose.Baseline,
            "built-in:audit" => RunPurpose.Audit,
            "built-in:staged" => RunPurpose.Staged,
            _ => RunPurpose.Run,
        };
}
