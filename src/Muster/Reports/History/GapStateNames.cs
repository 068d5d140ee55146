namespace Muster.Reports.History;

public static class GapStateNames
{
    /// <summary>The lower-case name used in report.json, report.html and the summary.</summary>
    public static string ToKey(this GapState state) => state switch
    {
        GapState.New => "new",
        GapState.Persisting => "persisting",
        GapState.Fixed => "fixed",
        GapState.Suppressed => "suppressed",
        _ => "unverified",
    };
}
