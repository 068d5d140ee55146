using System.Buffers.Binary;

namespace Muster.Formats.Limits;

/// <summary>
/// Reads the entry count from a zip's end-of-central-directory record (zip64 included) without opening the archive:
/// .NET's ZipArchive materialises every entry of the central directory up front, so a count is checked first.
/// </summary>
public static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndRecordSize = 22;

    /// <summary>The number of entries the archive declares, or null when it has no readable end record (truncated).</summary>
    public static long? EntryCount(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var tailLength = (int)Math.Min(file.Length, EndRecordSize + ushort.MaxValue);
        if (tailLength < EndRecordSize) return null;
        var tail = new byte[tailLength];
        file.Seek(-tailLength, SeekOrigin.End);
        file.ReadExactly(tail);
        for (var at = tailLength - EndRecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature) continue;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (count != ushort.MaxValue) return count;
            return Zip64Count(file, file.Length - tailLength + at);
        }
        return null;
    }

    private static long? Zip64Count(FileStream file, long endRecordAt)
    {
        if (endRecordAt < 20) return null;
        var locator = new byte[20];
        file.Seek(endRecordAt - 20, SeekOrigin.Begin);
        file.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature) return ushort.MaxValue;
        var offset = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
        if (offset < 0 || offset > file.Length - 56) return null;
        var record = new byte[56];
        file.Seek(offset, SeekOrigin.Begin);
        file.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature) return null;
        var count = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
        return count < 0 ? long.MaxValue : count;
    }
}
