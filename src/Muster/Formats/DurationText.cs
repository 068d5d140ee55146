using System.Globalization;

namespace Muster.Formats;

/// <summary>Durations as plans write them: 500ms, 30s, 2m, 1h, 2d, 1.5m, or a bare number of seconds.</summary>
public static class DurationText
{
    /// <summary>The longest duration accepted: timers and delays cannot wait much longer (about 49 days).</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(30);

    /// <summary>How a plan may write a duration, for error messages.</summary>
    public const string Allowed = "a duration from 1ms to 30d, such as 500ms, 30s, 2m, 1h or 2d";

    public static bool TryParse(string text, out TimeSpan duration) => TryParse(text, out duration, out _);

    /// <summary>False when the text is not a duration, or (with <paramref name="outOfRange"/>) one longer than <see cref="Maximum"/>.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out bool outOfRange)
    {
        duration = default;
        outOfRange = false;
        var s = text.Trim().ToLowerInvariant();
        double factorMs;
        if (s.EndsWith("ms", StringComparison.Ordinal)) { factorMs = 1; s = s[..^2]; }
        else if (s.EndsWith('s')) { factorMs = 1000; s = s[..^1]; }
        else if (s.EndsWith('m')) { factorMs = 60_000; s = s[..^1]; }
        else if (s.EndsWith('h')) { factorMs = 3_600_000; s = s[..^1]; }
        else if (s.EndsWith('d')) { factorMs = 86_400_000; s = s[..^1]; }
        else factorMs = 1000;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }
        var milliseconds = value * factorMs;
        if (Math.Abs(milliseconds) > Maximum.TotalMilliseconds)
        {
            outOfRange = true;
            return false;
        }
        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    public static string Format(TimeSpan d) =>
        d.TotalMilliseconds < 1000 ? $"{d.TotalMilliseconds:0}ms"
        : d.TotalSeconds < 60 ? $"{d.TotalSeconds:0.#}s"
        : d.TotalMinutes < 60 ? $"{d.TotalMinutes:0.#}m"
        : d.TotalHours < 48 ? $"{d.TotalHours:0.#}h"
        : $"{d.TotalDays:0.#}d";
}
