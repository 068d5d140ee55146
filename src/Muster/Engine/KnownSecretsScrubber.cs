using System.Buffers;
using System.Text;
using Muster.Agents;
using Muster.Model;

namespace Muster.Engine;

/// <summary>
/// The scrubber of one run: the rules' scrubber, then every value the secrets agent found in this run, wherever it
/// appears (<see cref="ISecretScrubber.Remember"/>). The values live in this object only, for the run's lifetime.
/// </summary>
public sealed class KnownSecretsScrubber(ISecretScrubber rules) : ISecretScrubber
{
    /// <summary>Shorter values are too likely to be ordinary words or numbers to redact everywhere.</summary>
    public const int MinimumLength = 8;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>How many distinct values it knows.</summary>
    public int Count => _snapshot.Longest.Length;

    public IReadOnlyList<string> UserRules => rules.UserRules;

    public void Remember(string secret)
    {
        if (secret.Length < MinimumLength || string.IsNullOrWhiteSpace(secret)) return;
        lock (_gate)
        {
            if (!_values.Add(secret)) return;
            _snapshot = new Snapshot([.. _values.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal)]);
        }
    }

    public string Scrub(string text)
    {
        var scrubbed = rules.Scrub(text);
        var snapshot = _snapshot;
        if (snapshot.Longest.Length == 0 || string.IsNullOrEmpty(scrubbed)) return scrubbed;
        var first = scrubbed.AsSpan().IndexOfAny(snapshot.Search);
        return first < 0 ? scrubbed : ReplaceFrom(scrubbed, first, snapshot);
    }

    private static string ReplaceFrom(string text, int first, Snapshot snapshot)
    {
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        var position = first;
        while (position < text.Length)
        {
            var value = LongestAt(text, position, snapshot.Longest);
            sb.Append(Redaction.Redact(value));
            position += value.Length;
            var next = text.AsSpan(position).IndexOfAny(snapshot.Search);
            if (next < 0) break;
            sb.Append(text, position, next);
            position += next;
        }
        if (position < text.Length) sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }

    // Longest first, so a value that contains another is redacted whole.
    private static string LongestAt(string text, int position, string[] longest)
    {
        foreach (var value in longest)
        {
            if (text.AsSpan(position).StartsWith(value, StringComparison.Ordinal)) return value;
        }
        throw new InvalidOperationException("the search reported a match no value starts");
    }

    private sealed class Snapshot(string[] longest)
    {
        public static readonly Snapshot Empty = new([]);

        public string[] Longest { get; } = longest;
        public SearchValues<string> Search { get; } = SearchValues.Create(longest, StringComparison.Ordinal);
    }
}
