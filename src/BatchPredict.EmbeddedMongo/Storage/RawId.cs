using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// Reads the _id of raw BSON without a reader object: inserts and journal replay need only the _id, and it is almost
/// always the first element. Common _id types are read directly; anything else answers "unknown" for the slow path.
/// </summary>
internal static class RawId
{
    private static ReadOnlySpan<byte> IdName => "_id"u8;

    public enum Result
    {
        Found,
        Missing,
        Unknown,
    }

    public static Result TryRead(byte[] bson, out BsonValue id)
    {
        id = BsonNull.Value;
        var position = 4;
        var end = bson.Length - 1;
        while (position < end)
        {
            var type = bson[position++];
            var nameEnd = Array.IndexOf(bson, (byte)0, position);
            if (nameEnd < 0)
            {
                return Result.Unknown;
            }

            var isId = bson.AsSpan(position, nameEnd - position).SequenceEqual(IdName);
            position = nameEnd + 1;
            if (isId)
            {
                return ReadValue(bson, type, position, out id) ? Result.Found : Result.Unknown;
            }

            var size = ValueSize(bson, type, position);
            if (size < 0)
            {
                return Result.Unknown;
            }

            position += size;
        }

        return Result.Missing;
    }

    private static bool ReadValue(byte[] bson, byte type, int at, out BsonValue id)
    {
        id = BsonNull.Value;
        switch (type)
        {
            case 0x07:
                id = new BsonObjectId(new ObjectId(bson.AsSpan(at, 12).ToArray()));
                return true;
            case 0x10:
                id = new BsonInt32(BinaryPrimitives.ReadInt32LittleEndian(bson.AsSpan(at)));
                return true;
            case 0x12:
                id = new BsonInt64(BinaryPrimitives.ReadInt64LittleEndian(bson.AsSpan(at)));
                return true;
            case 0x02:
                var length = BinaryPrimitives.ReadInt32LittleEndian(bson.AsSpan(at));
                id = new BsonString(Encoding.UTF8.GetString(bson, at + 4, length - 1));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Size of a value of the types that commonly precede _id; -1 for the others (slow path).</summary>
    private static int ValueSize(byte[] bson, byte type, int at) => type switch
    {
        0x01 or 0x09 or 0x11 or 0x12 => 8,
        0x10 => 4,
        0x08 => 1,
        0x07 => 12,
        0x0A => 0,
        0x02 => 4 + BinaryPrimitives.ReadInt32LittleEndian(bson.AsSpan(at)),
        0x03 or 0x04 => BinaryPrimitives.ReadInt32LittleEndian(bson.AsSpan(at)),
        0x05 => 5 + BinaryPrimitives.ReadInt32LittleEndian(bson.AsSpan(at)),
        _ => -1,
    };
}
