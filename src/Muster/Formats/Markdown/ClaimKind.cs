namespace Muster.Formats.Markdown;

public enum ClaimKind
{
    /// <summary>"20/20 containers running", "6/7 running".</summary>
    RunningRatio,

    /// <summary>"12 containers running", "5 active".</summary>
    RunningCount,

    /// <summary>"18-service Docker stack", "10 configured".</summary>
    ConfiguredCount,

    /// <summary>A row of a status table with Configured / Deployed / Running / Status columns.</summary>
    TableRow,

    /// <summary>"✅ running", "Integrated", "Deployed" next to a subject.</summary>
    StatusMarker,

    /// <summary>A ticked checklist item that says something runs or is deployed.</summary>
    Checklist,
}
