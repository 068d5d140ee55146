using System.Reflection;
using Muster.Gaps;
using Muster.Gates;

namespace Muster.Reports;

/// <summary>What reports say about the tool itself, and choices the run outcome cannot make.</summary>
public sealed record ReportOptions
{
    /// <summary>Tool version written in report.json and the SARIF driver. Defaults to the Muster library's version.</summary>
    public string ToolVersion { get; init; } = LibraryVersion();

    /// <summary>Project home page for SARIF's <c>tool.driver.informationUri</c>; omitted when null.</summary>
    public string? ToolInformationUri { get; init; }

    /// <summary>
    /// Root-relative path given to SARIF results whose finding has no location (for example the plan file). When
    /// null such results have no <c>locations</c>: valid SARIF, but GitHub code scanning rejects the whole upload.
    /// </summary>
    public string? SarifUnlocatedFindingPath { get; init; }

    /// <summary>The run's gap register (owners from CODEOWNERS and the plan). Null: built from the findings with default owners.</summary>
    public GapRegister? Gaps { get; init; }

    /// <summary>Evaluated quality gates. Null: evaluated from the outcome with the default gate settings.</summary>
    public IReadOnlyList<GateResult>? Gates { get; init; }

    /// <summary>Earlier runs of the same journal, oldest first, for the trend; this run is added when missing.</summary>
    public IReadOnlyList<RunTrendPoint> History { get; init; } = [];

    public static ReportOptions Default { get; } = new();

    private static string LibraryVersion()
    {
        var assembly = typeof(ReportOptions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        // Drop the "+commit" build metadata so reports of the same release compare equal.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
