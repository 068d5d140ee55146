namespace Muster.Tests.TestSupport;

/// <summary>
/// The leak tests' one definition of a leak: any 12-character run of a planted value (the whole value when it is
/// shorter) found in a text. Redaction keeps at most a short prefix, so a longer run means the value escaped.
/// </summary>
internal static class LeakCheck
{
    public const int Window = 12;

    /// <summary>The offset in <paramref name="secret"/> of the first run found in <paramref name="text"/>, or -1.</summary>
    public static int FirstRunIn(string text, string secret)
    {
        var window = Math.Min(Window, secret.Length);
        for (var i = 0; i + window <= secret.Length; i++)
        {
            if (text.Contains(secret.AsSpan(i, window), StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    public static void AssertNone(string text, string secret, string where)
    {
        var offset = FirstRunIn(text, secret);
        Assert.True(offset < 0,
            $"{where} holds a {Window}-character run of a planted value ({secret.Length} chars) at offset {offset}");
    }
}
