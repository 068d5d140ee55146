namespace Muster.Model;

/// <summary>
/// The agent metrics the quality gates read. Agents that produce one use the constant and declare it in their
/// descriptor's <c>Metrics</c>; a test fails when a gate reads a metric no built-in agent declares.
/// </summary>
public static class GateMetricNames
{
    public const string FilesScanned = "files_scanned";
    public const string TypeErrors = "type_errors";
    public const string TestsTotal = "tests_total";
    public const string TestsFailed = "tests_failed";
    public const string TestsErrors = "tests_errors";
    public const string TestsSkipped = "tests_skipped";
    public const string TestsFocused = "tests_focused";
    public const string UndocumentedServices = "undocumented_services";
    public const string Claims = "claims";

    /// <summary>
    /// For agents outside Muster (a command agent whose parser reports it): counts as a security check. No built-in
    /// agent produces it; the secrets agent counts by its kind.
    /// </summary>
    public const string SecurityChecks = "security_checks";

    /// <summary>Every metric a gate reads.</summary>
    public static IReadOnlyList<string> All { get; } =
        [FilesScanned, TypeErrors, TestsTotal, TestsFailed, TestsErrors, TestsSkipped, TestsFocused, UndocumentedServices, Claims, SecurityChecks];

    /// <summary>Metrics a gate reads that only agents outside Muster produce.</summary>
    public static IReadOnlyList<string> ExtensionOnly { get; } = [SecurityChecks];
}
