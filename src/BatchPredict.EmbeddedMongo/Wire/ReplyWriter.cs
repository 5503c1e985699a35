using System.Buffers.Binary;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace BatchPredict.EmbeddedMongo.Wire;

/// <summary>Serializes replies into one reusable buffer per connection (OP_MSG, or OP_REPLY for OP_QUERY).</summary>
internal sealed class ReplyWriter
{
    private readonly MemoryStream _buffer = new(64 * 1024);

    public ReadOnlyMemory<byte> Msg(int requestId, int responseTo, BsonDocument reply)
    {
        Begin();
        _buffer.Write(stackalloc byte[5]); // flagBits 0, section kind 0
        return Finish(requestId, responseTo, WireConstants.OpMsg, reply);
    }

    public ReadOnlyMemory<byte> Reply(int requestId, int responseTo, BsonDocument reply)
    {
        Begin();
        Span<byte> prefix = stackalloc byte[20];
        prefix.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(prefix[16..], 1); // numberReturned
        _buffer.Write(prefix);
        return Finish(requestId, responseTo, WireConstants.OpReply, reply);
    }

    private void Begin()
    {
        // Keep a large buffer from a big batch only while it is needed.
        _buffer.SetLength(WireConstants.HeaderSize);
        if (_buffer.Capacity > 4 * 1024 * 1024)
        {
            _buffer.Capacity = 64 * 1024;
        }

        _buffer.Position = WireConstants.HeaderSize;
    }

    /// <summary>
    /// Writes a value; stored documents travel as <see cref="RawBsonDocument"/> and are copied byte for byte, which is
    /// what makes cursor reads cheap (no decode, no re-encode).
    /// </summary>
    private static void WriteValue(BsonBinaryWriter writer, BsonValue value)
    {
        switch (value)
        {
            case RawBsonDocument raw:
                writer.WriteRawBsonDocument(raw.Slice);
                break;
            case BsonDocument document:
                writer.WriteStartDocument();
                foreach (var element in document)
                {
                    writer.WriteName(element.Name);
                    WriteValue(writer, element.Value);
                }

                writer.WriteEndDocument();
                break;
            case BsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                BsonValueSerializer.Instance.Serialize(BsonSerializationContext.CreateRoot(writer), value);
                break;
        }
    }

    private ReadOnlyMemory<byte> Finish(int requestId, int responseTo, int opCode, BsonDocument reply)
    {
        using (var writer = new BsonBinaryWriter(_buffer, new BsonBinaryWriterSettings { MaxDocumentSize = WireConstants.MaxMessageSizeBytes }))
        {
            WriteValue(writer, reply);
        }

        var bytes = _buffer.GetBuffer();
        var length = (int)_buffer.Length;
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), requestId);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), opCode);
        return bytes.AsMemory(0, length);
    }
}
