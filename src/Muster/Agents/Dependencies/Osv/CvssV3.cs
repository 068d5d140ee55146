namespace Muster.Agents.Dependencies.Osv;

/// <summary>CVSS v3.0/v3.1 base score from a vector string (<c>CVSS:3.1/AV:N/AC:L/...</c>), per the FIRST specification.</summary>
internal static class CvssV3
{
    public static bool TryBaseScore(string vector, out double score)
    {
        score = 0;
        if (!vector.StartsWith("CVSS:3.", StringComparison.Ordinal)) return false;
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector.Split('/').Skip(1))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0) return false;
            metrics[part[..colon]] = part[(colon + 1)..];
        }
        string M(string key) => metrics.GetValueOrDefault(key, "");
        var changed = M("S") == "C";
        double? av = M("AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = M("AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = M("PR") switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = M("UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        static double? Cia(string v) => v switch { "H" => 0.56, "L" => 0.22, "N" => 0, _ => null };
        var c = Cia(M("C"));
        var i = Cia(M("I"));
        var a = Cia(M("A"));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null || M("S") is not ("U" or "C")) return false;
        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0) return true;
        score = RoundUp(Math.Min((changed ? 1.08 : 1.0) * (impact + exploitability), 10));
        return true;
    }

    // CVSS 3.1 Roundup: smallest one-decimal number >= input, computed on integers to dodge float noise.
    private static double RoundUp(double value)
    {
        var scaled = (long)Math.Round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.Floor(scaled / 10000.0) + 1) / 10.0;
    }
}
