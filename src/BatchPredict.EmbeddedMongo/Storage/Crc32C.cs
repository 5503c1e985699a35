using System.Buffers.Binary;
using System.Numerics;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>CRC-32C of journal records (hardware-accelerated through BitOperations), to recognise a torn last record.</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
