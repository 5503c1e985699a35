using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>The kinds of records in the journal and in snapshots (a snapshot is a journal that ends with End).</summary>
internal enum JournalKind : byte
{
    /// <summary>The full image of a document after an insert or update, keyed by its _id.</summary>
    Put = 1,

    /// <summary>A document removed, by _id.</summary>
    Delete = 2,

    /// <summary>A catalog change: create, drop, rename, index changes.</summary>
    Catalog = 3,

    /// <summary>Closes a snapshot; a snapshot without it is incomplete and ignored.</summary>
    End = 4,
}

/// <summary>
/// Record framing: int32 payload length, uint32 CRC-32C of the payload, then the payload: kind byte, namespace as a
/// NUL-terminated UTF-8 string, and a BSON document (the document image, {_id} of a delete, or the catalog change).
/// </summary>
internal static class JournalEntry
{
    public const int HeaderSize = 8;

    public static void Write(IBufferWriter<byte> into, JournalKind kind, string ns, ReadOnlySpan<byte> bson)
    {
        var nsBytes = Encoding.UTF8.GetByteCount(ns);
        var payload = 1 + nsBytes + 1 + bson.Length;
        var span = into.GetSpan(HeaderSize + payload);
        var body = span.Slice(HeaderSize, payload);
        body[0] = (byte)kind;
        Encoding.UTF8.GetBytes(ns, body.Slice(1, nsBytes));
        body[1 + nsBytes] = 0;
        bson.CopyTo(body[(2 + nsBytes)..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, payload);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32C.Compute(body));
        into.Advance(HeaderSize + payload);
    }

    /// <summary>
    /// Reads the records of a journal or snapshot file in order. Stops at the first record that is cut short or fails
    /// its checksum (the write the crash interrupted, never acknowledged) and reports where the valid part ends.
    /// </summary>
    public static long ReadAll(string path, Action<JournalKind, string, byte[]> apply)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
        var header = new byte[HeaderSize];
        long valid = 0;
        while (true)
        {
            if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
            {
                return valid;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length < 3 || length > stream.Length - stream.Position)
            {
                return valid;
            }

            var payload = new byte[length];
            stream.ReadExactly(payload);
            if (Crc32C.Compute(payload) != crc)
            {
                return valid;
            }

            var nsEnd = Array.IndexOf(payload, (byte)0, 1);
            var ns = Encoding.UTF8.GetString(payload, 1, nsEnd - 1);
            apply((JournalKind)payload[0], ns, payload[(nsEnd + 1)..]);
            valid = stream.Position;
        }
    }
}
