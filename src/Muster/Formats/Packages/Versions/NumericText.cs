namespace Muster.Formats.Packages.Versions;

/// <summary>Compares digit strings by value without parsing them, so 30-digit version components never overflow.</summary>
internal static class NumericText
{
    public static string Normalize(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    public static int Compare(string a, string b)
    {
        a = Normalize(a);
        b = Normalize(b);
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }
}
