using BatchPredict.EmbeddedMongo.Commands;
using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Storage;

/// <summary>Which index the planner picks, read from the plan it returns, and what that plan hands to the filter.</summary>
public sealed class QueryPlannerTests
{
    private const int Documents = 2_000;
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Plan_WideIdRangeNarrowDateRange_UsesDateIndexAndExaminesOnlyItsRange()
    {
        var store = Flights();
        var filter = Filter.Compile(new BsonDocument { { "_id", Range(100, 1_900) }, { "date", Range(Start.AddHours(10), Start.AddHours(40)) } });

        var source = QueryPlanner.Plan(store, filter, null, out var sorted);
        var examined = source.Resume().ToList();

        Assert.Equal("date_1", Assert.IsType<IndexRangeSource>(source).Index.Definition.Name);
        Assert.True(sorted);
        Assert.Equal(31, examined.Count); // a range also reads the key at its $lt bound; Filter.Matches drops it
        Assert.Equal(Expected(store, filter), Ids(examined.Where(r => filter.Matches(CollectionStore.Decode(r.Bson)))));
    }

    [Fact]
    public void Plan_NarrowIdRangeWideDateRange_UsesIdIndex()
    {
        var store = Flights();
        var filter = Filter.Compile(new BsonDocument { { "_id", Range(500, 520) }, { "date", Range(Start, Start.AddHours(1_600)) } });

        var source = QueryPlanner.Plan(store, filter, null, out _);
        var examined = source.Resume().ToList();

        Assert.Equal("_id_", Assert.IsType<IndexRangeSource>(source).Index.Definition.Name);
        Assert.Equal(21, examined.Count);
        Assert.Equal(Expected(store, filter), Ids(examined.Where(r => filter.Matches(CollectionStore.Decode(r.Bson)))));
    }

    [Fact]
    public void Plan_SortIndexWithComparableCount_StreamsInIndexOrder()
    {
        var store = Flights();
        var filter = Filter.Compile(new BsonDocument { { "_id", Range(0, 600) }, { "date", Range(Start, Start.AddHours(900)) } });

        var source = QueryPlanner.Plan(store, filter, SortSpec.Compile(BsonDocument.Parse("{date: 1}")), out var sorted);

        Assert.Equal("date_1", Assert.IsType<IndexRangeSource>(source).Index.Definition.Name);
        Assert.True(sorted);
    }

    [Fact]
    public void Plan_SortIndexFarLarger_SortsTheSmallerSetInMemory()
    {
        var store = Flights();
        var filter = Filter.Compile(new BsonDocument { { "_id", Range(0, 50) }, { "date", Range(Start, Start.AddHours(1_800)) } });

        var source = QueryPlanner.Plan(store, filter, SortSpec.Compile(BsonDocument.Parse("{date: 1}")), out var sorted);

        Assert.Equal("_id_", Assert.IsType<IndexRangeSource>(source).Index.Definition.Name);
        Assert.False(sorted);
    }

    [Fact]
    public void Plan_SortIndexFarLargerWithSmallLimit_StreamsInIndexOrder()
    {
        var store = Flights();
        var filter = Filter.Compile(new BsonDocument { { "_id", Range(0, 200) }, { "date", Range(Start, Start.AddHours(1_800)) } });

        var source = QueryPlanner.Plan(store, filter, SortSpec.Compile(BsonDocument.Parse("{date: 1}")), out var sorted, limit: 5);

        Assert.Equal("date_1", Assert.IsType<IndexRangeSource>(source).Index.Definition.Name);
        Assert.True(sorted);
    }

    [Fact]
    public void Plan_InValuesOnDate_CountsEveryRange()
    {
        var store = Flights();
        var dates = new BsonArray(Enumerable.Range(0, 3).Select(h => (BsonValue)Start.AddHours(h * 100)));
        var filter = Filter.Compile(new BsonDocument { { "_id", Range(0, 1_000) }, { "date", new BsonDocument("$in", dates) } });

        var source = QueryPlanner.Plan(store, filter, null, out _);
        var examined = source.Resume().ToList();

        Assert.Equal("date_1", Assert.IsType<IndexRangeSource>(source).Index.Definition.Name);
        Assert.Equal(3, examined.Count);
        Assert.Equal(Expected(store, filter), Ids(examined.Where(r => filter.Matches(CollectionStore.Decode(r.Bson)))));
    }

    /// <summary>_id 0..1999; one document per hour, the hours shuffled against _id (i * 7 mod 2000 is a permutation).</summary>
    private static CollectionStore Flights()
    {
        var store = new CollectionStore("test", "flights", []);
        for (var i = 0; i < Documents; i++)
        {
            var document = new BsonDocument { { "_id", i }, { "date", Start.AddHours(i * 7 % Documents) } };
            store.Insert(document.ToBson(), document["_id"], document);
        }

        store.AddIndex(IndexDefinition.Parse(BsonDocument.Parse("{key: {date: 1}, name: 'date_1'}")));
        return store;
    }

    private static BsonDocument Range(BsonValue from, BsonValue to) => new() { { "$gte", from }, { "$lt", to } };

    private static List<int> Expected(CollectionStore store, Filter filter) =>
        Ids(store.Natural(0).Where(r => filter.Matches(CollectionStore.Decode(r.Bson))));

    private static List<int> Ids(IEnumerable<BatchPredict.EmbeddedMongo.Storage.Record> records) => [.. records.Select(r => CollectionStore.IdOf(r).AsInt32).Order()];
}
