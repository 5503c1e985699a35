using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace BatchPredict.Core.Import;

/// <summary>
/// Reads the next batches while the current one is being inserted, so decoding the file and writing to MongoDB overlap.
/// At most <c>depth</c> batches wait, which keeps memory flat. A reader error surfaces to the consumer in order.
/// </summary>
internal static class BatchReadAhead
{
    public static async IAsyncEnumerable<ImportBatch> ReadAheadAsync(
        this IAsyncEnumerable<ImportBatch> source, int depth, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = ProduceAsync(source, channel.Writer, stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                yield return batch;
            }
        }
        finally
        {
            // The consumer may stop early (an error, a cancellation): stop the reader before it is disposed.
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async Task ProduceAsync(IAsyncEnumerable<ImportBatch> source, ChannelWriter<ImportBatch> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in source.WithCancellation(ct))
            {
                await writer.WriteAsync(batch, ct);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }
}
