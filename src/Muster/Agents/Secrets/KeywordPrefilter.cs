using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Muster.Agents.Secrets;

/// <summary>
/// Finds where keywords start, case-insensitively, in one pass whose cost does not grow with the number of keywords
/// (a general multi-string search slows down several times past a few dozen patterns). Each position's next four
/// ASCII-folded characters form a key; a hashed bitset (128 KiB, cache-resident) rejects almost every position,
/// and survivors are verified against the keywords sharing that key. Keywords need at least three characters.
/// With AVX2 the same test runs on 16 positions at a time (KeywordPrefilter.Avx2.cs); the scalar loop does the rest.
/// Both loops are compiled fully optimised at once: a scan is over before tiered compilation would get to them.
/// </summary>
internal sealed partial class KeywordPrefilter
{
    private const int Bits4 = 20;
    private const int Bits3 = 16;
    private static readonly byte[] Fold = BuildFold();
    private readonly uint[] _table4 = new uint[(1 << Bits4) / 32];
    private readonly uint[] _table3 = new uint[(1 << Bits3) / 32];
    private readonly Dictionary<uint, (string Keyword, int[] Rules)[]> _byKey4 = [];
    private readonly Dictionary<uint, (string Keyword, int[] Rules)[]> _byKey3 = [];
    private readonly bool _hasShort;

    public KeywordPrefilter(IReadOnlyDictionary<string, int[]> rulesByKeyword)
    {
        var by4 = new Dictionary<uint, List<(string, int[])>>();
        var by3 = new Dictionary<uint, List<(string, int[])>>();
        foreach (var (keyword, rules) in rulesByKeyword)
        {
            if (keyword.Length < 3 || keyword.Any(c => c >= 128))
                throw new ArgumentException($"keyword '{keyword}' must have at least three ASCII characters", nameof(rulesByKeyword));
            var key3 = (uint)(Fold[keyword[0]] << 14 | Fold[keyword[1]] << 7 | Fold[keyword[2]]);
            if (keyword.Length >= 4)
            {
                var key4 = key3 << 7 | Fold[keyword[3]];
                Set(_table4, Hash(key4, Bits4));
                Add(by4, key4, keyword, rules);
            }
            else
            {
                Set(_table3, Hash(key3, Bits3));
                Add(by3, key3, keyword, rules);
                _hasShort = true;
            }
        }
        foreach (var (k, v) in by4) _byKey4[k] = v.ToArray();
        foreach (var (k, v) in by3) _byKey3[k] = v.ToArray();
    }

    /// <summary>The first position at or after <paramref name="from"/> where some keyword may start, or -1.</summary>
    public int IndexOfCandidate(ReadOnlySpan<char> text, int from)
    {
        var last = text.Length - 4;
        if (from > last) return -1;
        if (Avx2.IsSupported)
        {
            var at = IndexOfCandidateAvx2(text, from, out var found);
            if (found) return at;
            from = at;
        }
        return IndexOfCandidateScalar(text, from);
    }

    /// <summary>The one-position-at-a-time test; <see cref="IndexOfCandidate"/> without AVX2 and for the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int IndexOfCandidateScalar(ReadOnlySpan<char> text, int from)
    {
        var last = text.Length - 4;
        if (from > last) return -1;
        ref var start = ref MemoryMarshal.GetReference(text);
        ref var fold = ref MemoryMarshal.GetArrayDataReference(Fold);
        ref var t4 = ref MemoryMarshal.GetArrayDataReference(_table4);
        ref var t3 = ref MemoryMarshal.GetArrayDataReference(_table3);
        uint key = 0;
        for (var j = from; j < from + 3; j++) key = key << 7 | F(ref fold, Unsafe.Add(ref start, j));
        for (var i = from; i <= last; i++)
        {
            key = (key << 7 | F(ref fold, Unsafe.Add(ref start, i + 3))) & 0x0FFFFFFF;
            var h4 = Hash(key, Bits4);
            if ((Unsafe.Add(ref t4, (int)(h4 >> 5)) & (1u << (int)(h4 & 31))) != 0) return i;
            if (_hasShort)
            {
                var h3 = Hash(key >> 7, Bits3);
                if ((Unsafe.Add(ref t3, (int)(h3 >> 5)) & (1u << (int)(h3 & 31))) != 0) return i;
            }
        }
        return -1;
    }

    /// <summary>Adds to <paramref name="into"/> each rule whose keyword starts at <paramref name="index"/>.</summary>
    public void RulesAt(ReadOnlySpan<char> text, int index, List<(int Rule, int KeywordLength)> into)
    {
        if (index + 3 > text.Length) return;
        ref var fold = ref MemoryMarshal.GetArrayDataReference(Fold);
        var key3 = F(ref fold, text[index]) << 14 | F(ref fold, text[index + 1]) << 7 | F(ref fold, text[index + 2]);
        var rest = text[index..];
        if (index + 4 <= text.Length && _byKey4.TryGetValue(key3 << 7 | F(ref fold, text[index + 3]), out var four)) Verify(rest, four, into);
        if (_hasShort && _byKey3.TryGetValue(key3, out var three)) Verify(rest, three, into);
    }

    private static void Verify(ReadOnlySpan<char> rest, (string Keyword, int[] Rules)[] candidates, List<(int Rule, int KeywordLength)> into)
    {
        foreach (var (keyword, rules) in candidates)
        {
            if (!rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var rule in rules) into.Add((rule, keyword.Length));
        }
    }

    // Non-ASCII characters fold to 0, which no keyword contains.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint F(ref byte fold, char c) => c < 128 ? Unsafe.Add(ref fold, c) : 0u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(uint key, int bits) => (key * 0x9E3779B1u) >> (32 - bits);

    private static void Set(uint[] table, uint h) => table[h >> 5] |= 1u << (int)(h & 31);

    private static void Add(Dictionary<uint, List<(string, int[])>> map, uint key, string keyword, int[] rules)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add((keyword, rules));
    }

    private static byte[] BuildFold()
    {
        var fold = new byte[128];
        for (var c = 0; c < 128; c++) fold[c] = (byte)(c is >= 'A' and <= 'Z' ? c + 32 : c);
        return fold;
    }
}
