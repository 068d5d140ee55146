using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Muster.Agents.Secrets;

internal sealed partial class KeywordPrefilter
{
    private const int Lanes = 16;

    /// <summary>
    /// The scalar test of <see cref="IndexOfCandidate"/> on 16 positions per step: fold four shifted loads, build the
    /// 4- and 3-character keys in 32-bit lanes, hash them and gather the bitset words. Gathers need a pointer, hence the
    /// unsafe block; every index is a hash below the table's size. Returns the first candidate (found) or where the
    /// scalar loop must continue (not found: no candidate before it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe int IndexOfCandidateAvx2(ReadOnlySpan<char> text, int from, out bool found)
    {
        found = false;
        var i = from;
        fixed (char* chars = text)
        fixed (uint* t4 = _table4)
        fixed (uint* t3 = _table3)
        {
            // Each step reads positions i .. i+15 and the three characters after them.
            for (; i + Lanes + 3 <= text.Length; i += Lanes)
            {
                var c0 = FoldLanes(Vector256.Load((ushort*)(chars + i)));
                var c1 = FoldLanes(Vector256.Load((ushort*)(chars + i + 1)));
                var c2 = FoldLanes(Vector256.Load((ushort*)(chars + i + 2)));
                var c3 = FoldLanes(Vector256.Load((ushort*)(chars + i + 3)));
                var (a0, b0) = Vector256.Widen(c0);
                var (a1, b1) = Vector256.Widen(c1);
                var (a2, b2) = Vector256.Widen(c2);
                var (a3, b3) = Vector256.Widen(c3);
                var mask = Probe(a0, a1, a2, a3, t4, t3) | Probe(b0, b1, b2, b3, t4, t3) << 8;
                if (mask == 0) continue;
                found = true;
                return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        return i;
    }

    /// <summary>One bit per lane: set when the lane's 4-character key (or 3-character key) is in its bitset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe uint Probe(Vector256<uint> c0, Vector256<uint> c1, Vector256<uint> c2, Vector256<uint> c3, uint* t4, uint* t3)
    {
        var multiplier = Vector256.Create(0x9E3779B1u);
        var bitInWord = Vector256.Create(31u);
        var key3 = c0 << 14 | c1 << 7 | c2;
        var h4 = Avx2.MultiplyLow(key3 << 7 | c3, multiplier) >> (32 - Bits4);
        var bits = Avx2.ShiftRightLogicalVariable(Avx2.GatherVector256(t4, (h4 >> 5).AsInt32(), 4), h4 & bitInWord);
        if (_hasShort)
        {
            var h3 = Avx2.MultiplyLow(key3, multiplier) >> (32 - Bits3);
            bits |= Avx2.ShiftRightLogicalVariable(Avx2.GatherVector256(t3, (h3 >> 5).AsInt32(), 4), h3 & bitInWord);
        }
        return Vector256.ExtractMostSignificantBits(bits << 31);
    }

    /// <summary>What <see cref="Fold"/> does to one character, on 16: A-Z to a-z, non-ASCII to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> FoldLanes(Vector256<ushort> c)
    {
        var upper = Vector256.LessThan(c - Vector256.Create((ushort)'A'), Vector256.Create((ushort)26));
        c += upper & Vector256.Create((ushort)32);
        return c & Vector256.LessThanOrEqual(c, Vector256.Create((ushort)127));
    }
}
