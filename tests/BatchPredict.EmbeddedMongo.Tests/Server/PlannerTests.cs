using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

/// <summary>Finds that two indexes could answer return exactly the matching documents, whichever index the planner reads.</summary>
public sealed class PlannerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(100, 1_900, 10, 40)]
    [InlineData(500, 520, 0, 1_600)]
    [InlineData(0, 2_000, 0, 2_000)]
    public async Task Find_IdRangeAndDateRange_ReturnsExactlyTheMatches(int idFrom, int idTo, int hourFrom, int hourTo)
    {
        var collection = await FlightsAsync($"flights_{idFrom}_{idTo}_{hourFrom}_{hourTo}");
        var filter = new BsonDocument
        {
            { "_id", new BsonDocument { { "$gte", idFrom }, { "$lt", idTo } } },
            { "date", new BsonDocument { { "$gte", Start.AddHours(hourFrom) }, { "$lt", Start.AddHours(hourTo) } } },
        };

        var found = await collection.Find(filter).ToListAsync();

        var expected = Enumerable.Range(idFrom, idTo - idFrom).Where(i => Hour(i) >= hourFrom && Hour(i) < hourTo).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public async Task Find_SortedByDateWithLimit_ReturnsFirstMatchesInDateOrder()
    {
        var collection = await FlightsAsync("flights_sorted");
        var filter = new BsonDocument("_id", new BsonDocument { { "$gte", 0 }, { "$lt", 200 } });

        var found = await collection.Find(filter).Sort(new BsonDocument("date", 1)).Limit(5).ToListAsync();

        var expected = Enumerable.Range(0, 200).OrderBy(Hour).Take(5).ToList();
        Assert.Equal(expected, found.Select(d => d["_id"].AsInt32));
    }

    /// <summary>_id 0..1999 with one document per hour, the hours shuffled against _id; a date index.</summary>
    private async Task<IMongoCollection<BsonDocument>> FlightsAsync(string name)
    {
        var collection = fixture.Collection(name);
        await collection.InsertManyAsync(Enumerable.Range(0, 2_000).Select(i => new BsonDocument { { "_id", i }, { "date", Start.AddHours(Hour(i)) } }));
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("date", 1)));
        return collection;
    }

    private static int Hour(int id) => id * 7 % 2_000;
}
