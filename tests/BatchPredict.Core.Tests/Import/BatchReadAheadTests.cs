using System.Runtime.CompilerServices;
using BatchPredict.Core.Import;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Import;

public class BatchReadAheadTests
{
    [Fact]
    public async Task ReadAheadAsync_AllBatches_ComeInOrder()
    {
        var seen = new List<int>();

        await foreach (var batch in Batches(5, failAfter: null).ReadAheadAsync(depth: 2, CancellationToken.None))
        {
            seen.Add(batch.Documents[0]["n"].AsInt32);
        }

        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public async Task ReadAheadAsync_SourceFails_ErrorSurfacesAfterTheGoodBatches()
    {
        var seen = new List<int>();

        var error = await Assert.ThrowsAsync<BatchPredictException>(async () =>
        {
            await foreach (var batch in Batches(5, failAfter: 2).ReadAheadAsync(depth: 2, CancellationToken.None))
            {
                seen.Add(batch.Documents[0]["n"].AsInt32);
            }
        });

        Assert.Equal([0, 1], seen);
        Assert.Equal("broken after 2", error.Message);
    }

    [Fact]
    public async Task ReadAheadAsync_ConsumerStopsEarly_SourceIsStoppedAndDisposed()
    {
        var disposed = new TaskCompletionSource();

        await foreach (var _ in Batches(1000, failAfter: null, disposed).ReadAheadAsync(depth: 2, CancellationToken.None))
        {
            break;
        }

        Assert.True(disposed.Task.IsCompleted);
    }

    private static async IAsyncEnumerable<ImportBatch> Batches(
        int count, int? failAfter, TaskCompletionSource? disposed = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                if (i == failAfter)
                {
                    throw new BatchPredictException($"broken after {i}");
                }

                yield return new ImportBatch([new BsonDocument("n", i)], [i + 1L], [], "row");
            }
        }
        finally
        {
            disposed?.TrySetResult();
        }
    }
}
