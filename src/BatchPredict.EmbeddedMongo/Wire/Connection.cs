using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using BatchPredict.EmbeddedMongo.Commands;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Wire;

/// <summary>
/// One client connection: reads a message, runs the command, writes the reply, in a loop. Each connection is its own
/// async loop, so many clients are served at once; nothing here holds the storage lock across socket I/O.
/// </summary>
internal sealed class Connection(Socket socket, CommandDispatcher dispatcher, int id, ILogger logger)
{
    private readonly ReplyWriter _writer = new();
    private int _nextResponseId;

    public int Id { get; } = id;

    public async Task RunAsync(CancellationToken ct)
    {
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var header = new byte[WireConstants.HeaderSize];
        var session = new ConnectionState(Id);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < header.Length)
                {
                    return;
                }

                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                var requestId = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
                var opCode = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
                if (length < WireConstants.HeaderSize + 5 || length > WireConstants.MaxMessageSizeBytes + WireConstants.HeaderSize)
                {
                    Log.BadMessage(logger, Id, $"message length {length}");
                    return;
                }

                var size = length - WireConstants.HeaderSize;
                var body = ArrayPool<byte>.Shared.Rent(size);
                try
                {
                    await stream.ReadExactlyAsync(body.AsMemory(0, size), ct);
                    var reply = await HandleAsync(opCode, requestId, body, size, session);
                    if (!reply.IsEmpty)
                    {
                        await stream.WriteAsync(reply, ct);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(body);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or EndOfStreamException)
        {
            Log.ConnectionClosed(logger, Id, e.Message);
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> HandleAsync(int opCode, int requestId, byte[] body, int size, ConnectionState session)
    {
        var responseId = Interlocked.Increment(ref _nextResponseId);
        switch (opCode)
        {
            case WireConstants.OpMsg:
            {
                CommandRequest request;
                uint flags;
                try
                {
                    request = MessageParser.ParseMsg(body.AsSpan(0, size), body, out flags);
                }
                catch (MongoCommandError e)
                {
                    return _writer.Msg(responseId, requestId, CommandDispatcher.ErrorReply(e));
                }

                var reply = await dispatcher.ExecuteAsync(request, session);
                return (flags & WireConstants.MoreToCome) != 0 ? ReadOnlyMemory<byte>.Empty : _writer.Msg(responseId, requestId, reply);
            }

            case WireConstants.OpQuery:
            {
                BsonDocument reply;
                try
                {
                    reply = await dispatcher.ExecuteAsync(MessageParser.ParseQuery(body.AsSpan(0, size), body), session);
                }
                catch (MongoCommandError e)
                {
                    reply = CommandDispatcher.ErrorReply(e);
                }

                return _writer.Reply(responseId, requestId, reply);
            }

            default:
                return _writer.Msg(responseId, requestId, CommandDispatcher.ErrorReply(
                    MongoCommandError.NotSupported($"wire op code {opCode} (OP_COMPRESSED is not advertised; use OP_MSG)")));
        }
    }
}
