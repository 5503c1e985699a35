using System.Threading.Channels;
using BatchPredict.Core.Jobs;
using BatchPredict.Core.Scoring;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>
/// Reads, maps, scores and writes one partition with the three stages overlapped through bounded channels. Batches are
/// written in _id order by a single writer, so each checkpoint covers everything before it.
/// </summary>
internal sealed class PartitionPipeline(
    IMongoCollection<BsonDocument> source,
    JobDefinition job,
    FeatureMapper mapper,
    BatchScorer scorer,
    Func<WorkItem, CancellationToken, Task> persist,
    int channelCapacity)
{
    public async Task RunAsync(BsonDocument filter, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var poolSize = (channelCapacity * 2) + 3;
        var free = Channel.CreateUnbounded<WorkItem>();
        for (var i = 0; i < poolSize; i++)
        {
            free.Writer.TryWrite(new WorkItem(new FeatureBatch(job.Features, job.BatchSize), scorer.CreatePredictions(job.BatchSize)));
        }

        var options = new BoundedChannelOptions(channelCapacity) { SingleReader = true, SingleWriter = true };
        var toScore = Channel.CreateBounded<WorkItem>(options);
        var toWrite = Channel.CreateBounded<WorkItem>(options);
        var stages = new[]
        {
            Guard(() => ReadAsync(filter, free.Reader, toScore.Writer, stop.Token), toScore.Writer, stop),
            Guard(() => Task.Run(() => ScoreAsync(toScore.Reader, toWrite.Writer, stop.Token), stop.Token), toWrite.Writer, stop),
            Guard(() => WriteAsync(toWrite.Reader, free.Writer, stop.Token), null, stop),
        };
        try
        {
            await Task.WhenAll(stages);
        }
        catch
        {
            // Report the stage that failed first rather than the cancellations it caused in the others.
            var first = stages.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException!).FirstOrDefault();
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            throw;
        }
    }

    private static async Task Guard(Func<Task> stage, ChannelWriter<WorkItem>? output, CancellationTokenSource stop)
    {
        try
        {
            await stage();
            output?.TryComplete();
        }
        catch (Exception e)
        {
            output?.TryComplete(e);
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task ReadAsync(BsonDocument filter, ChannelReader<WorkItem> free, ChannelWriter<WorkItem> output, CancellationToken ct)
    {
        var find = new FindOptions<BsonDocument>
        {
            Sort = new BsonDocument("_id", 1),
            Projection = RunFilters.Projection(job),
            BatchSize = job.BatchSize,
        };
        using var cursor = await source.FindAsync(filter, find, ct);
        var item = await free.ReadAsync(ct);
        item.Reset();
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var document in cursor.Current)
            {
                Map(document, item);
                if (item.Read == job.BatchSize)
                {
                    await output.WriteAsync(item, ct);
                    item = await free.ReadAsync(ct);
                    item.Reset();
                }
            }
        }

        if (item.Read > 0)
        {
            await output.WriteAsync(item, ct);
        }
    }

    private void Map(BsonDocument document, WorkItem item)
    {
        var id = document.GetValue("_id", BsonNull.Value);
        item.Read++;
        item.LastId = id;
        var outcome = mapper.Map(document, item.Features);
        if (outcome.Status == MapStatus.Skipped)
        {
            item.Skipped++;
        }
        else if (outcome.Status == MapStatus.DeadLetter)
        {
            item.DeadLetters.Add(new DeadLetter(id, outcome.Field!, outcome.Reason!));
        }
    }

    private async Task ScoreAsync(ChannelReader<WorkItem> input, ChannelWriter<WorkItem> output, CancellationToken ct)
    {
        await foreach (var item in input.ReadAllAsync(ct))
        {
            scorer.Score(item.Features, item.Predictions);
            await output.WriteAsync(item, ct);
        }
    }

    private async Task WriteAsync(ChannelReader<WorkItem> input, ChannelWriter<WorkItem> free, CancellationToken ct)
    {
        await foreach (var item in input.ReadAllAsync(ct))
        {
            await persist(item, ct); // write predictions and dead letters, then the checkpoint
            free.TryWrite(item);
        }
    }
}
