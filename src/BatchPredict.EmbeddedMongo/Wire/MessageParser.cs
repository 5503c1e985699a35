using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace BatchPredict.EmbeddedMongo.Wire;

/// <summary>Turns the body of an OP_MSG or a legacy OP_QUERY (after the 16-byte header) into a command.</summary>
internal static class MessageParser
{
    public static CommandRequest ParseMsg(ReadOnlySpan<byte> message, byte[] buffer, out uint flags)
    {
        flags = BinaryPrimitives.ReadUInt32LittleEndian(message);
        var end = message.Length - ((flags & WireConstants.ChecksumPresent) != 0 ? 4 : 0);
        var position = 4;
        BsonDocument? body = null;
        Dictionary<string, List<byte[]>>? sequences = null;
        while (position < end)
        {
            var kind = message[position++];
            if (kind == 0)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(message[position..]);
                body = Decode(buffer, position, length);
                position += length;
            }
            else if (kind == 1)
            {
                var size = BinaryPrimitives.ReadInt32LittleEndian(message[position..]);
                var sectionEnd = position + size;
                var cursor = position + 4;
                var nameEnd = message[cursor..].IndexOf((byte)0) + cursor;
                var name = Encoding.UTF8.GetString(message[cursor..nameEnd]);
                cursor = nameEnd + 1;
                var documents = new List<byte[]>();
                while (cursor < sectionEnd)
                {
                    var length = BinaryPrimitives.ReadInt32LittleEndian(message[cursor..]);
                    documents.Add(message.Slice(cursor, length).ToArray());
                    cursor += length;
                }

                (sequences ??= new Dictionary<string, List<byte[]>>(StringComparer.Ordinal))[name] = documents;
                position = sectionEnd;
            }
            else
            {
                throw MongoCommandError.FailedToParse($"Unknown OP_MSG section kind {kind}");
            }
        }

        return new CommandRequest(body ?? throw MongoCommandError.FailedToParse("OP_MSG without a body section"), sequences, null);
    }

    /// <summary>A legacy OP_QUERY: only commands on "db.$cmd" (the handshake of older drivers) are served.</summary>
    public static CommandRequest ParseQuery(ReadOnlySpan<byte> message, byte[] buffer)
    {
        var nameEnd = message[4..].IndexOf((byte)0) + 4;
        var collection = Encoding.UTF8.GetString(message[4..nameEnd]);
        var position = nameEnd + 1 + 8;
        var length = BinaryPrimitives.ReadInt32LittleEndian(message[position..]);
        var query = Decode(buffer, position, length);
        if (!collection.EndsWith(".$cmd", StringComparison.Ordinal))
        {
            throw MongoCommandError.NotSupported($"legacy OP_QUERY on '{collection}' (use OP_MSG commands)");
        }

        // Old drivers wrap the command in $query when they add a read preference.
        if (query.TryGetValue("$query", out var inner) && inner is BsonDocument wrapped)
        {
            query = wrapped;
        }

        return new CommandRequest(query, null, collection[..^5]);
    }

    private static BsonDocument Decode(byte[] buffer, int offset, int length)
    {
        using var stream = new MemoryStream(buffer, offset, length, writable: false);
        using var reader = new BsonBinaryReader(stream);
        return BsonSerializer.Deserialize<BsonDocument>(reader);
    }
}
