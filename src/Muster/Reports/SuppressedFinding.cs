using Muster.Model;

namespace Muster.Reports;

/// <summary>
/// A finding a committed file suppressed: listed in report.md's "Suppressed" section and report.json's
/// <c>suppressed</c> array, never counted toward gates or <c>--fail-on</c>.
/// </summary>
/// <param name="Source">The file and place that suppressed it: ".musterignore:12", "muster-baseline.json entry 3", "muster.yaml exclude".</param>
/// <param name="Entry">What that entry says: "fingerprint …", "rule R in GLOB", "glob vendor/**".</param>
/// <param name="Reason">The entry's reason.</param>
public sealed record SuppressedFinding(Finding Finding, string Source, string Entry, string Reason);
