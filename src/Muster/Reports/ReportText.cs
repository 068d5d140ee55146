using System.Globalization;
using Muster.Engine;
using Muster.Model;

namespace Muster.Reports;

/// <summary>Culture-invariant text for figures shared by the human-readable reports.</summary>
internal static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d) return "—";
        if (d < TimeSpan.Zero) d = TimeSpan.Zero;
        if (d.TotalSeconds < 1) return d.TotalMilliseconds.ToString("0.#", Invariant) + " ms";
        if (d.TotalMinutes < 1) return d.TotalSeconds.ToString("0.0", Invariant) + " s";
        if (d.TotalHours < 1) return string.Create(Invariant, $"{d.Minutes}m {d.Seconds:00}s");
        return string.Create(Invariant, $"{(long)d.TotalHours}h {d.Minutes:00}m {d.Seconds:00}s");
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(Invariant) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", Invariant) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", Invariant) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", Invariant) + " GiB",
    };

    /// <summary>A rate in [0, 1] as a percentage rounded down, so 999 of 1000 never reads as 100%.</summary>
    public static string Percent(double? rate)
    {
        if (rate is not { } r) return "n/a";
        var tenths = Math.Floor(r * 1000) / 10;
        return tenths.ToString("0.#", Invariant) + "%";
    }

    public static string Count(double? value) =>
        value is { } v ? (double.IsFinite(v) ? v.ToString("#,0.##", Invariant) : v.ToString(Invariant)) : "—";

    public static string Usd(double? value) =>
        value is { } v ? (double.IsFinite(v) ? "$" + v.ToString("0.00##", Invariant) : v.ToString(Invariant)) : "—";

    public static string Timestamp(DateTimeOffset? at) =>
        at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant) : "—";

    public static string Role(AgentRole role) => role.ToString();

    public static string RunStatus(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string WaveStatus(WaveStatus status) => status.ToString().ToLowerInvariant();
}
