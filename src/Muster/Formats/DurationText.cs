using System.Globalization;

namespace Muster.Formats;

/// <summary>Durations as plans write them: 500ms, 30s, 2m, 1h, 1.5m, or a bare number of seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var s = text.Trim().ToLowerInvariant();
        double factorMs;
        if (s.EndsWith("ms", StringComparison.Ordinal)) { factorMs = 1; s = s[..^2]; }
        else if (s.EndsWith('s')) { factorMs = 1000; s = s[..^1]; }
        else if (s.EndsWith('m')) { factorMs = 60_000; s = s[..^1]; }
        else if (s.EndsWith('h')) { factorMs = 3_600_000; s = s[..^1]; }
        else factorMs = 1000;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }
        duration = TimeSpan.FromMilliseconds(value * factorMs);
        return true;
    }

    public static string Format(TimeSpan d) =>
        d.TotalMilliseconds < 1000 ? $"{d.TotalMilliseconds:0}ms"
        : d.TotalSeconds < 60 ? $"{d.TotalSeconds:0.#}s"
        : d.TotalMinutes < 60 ? $"{d.TotalMinutes:0.#}m"
        : $"{d.TotalHours:0.#}h";
}
