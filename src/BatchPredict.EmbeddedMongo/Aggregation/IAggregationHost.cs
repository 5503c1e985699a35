using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>What a pipeline needs from the server for one database: other collections ($lookup) and the clock ($$NOW).</summary>
public interface IAggregationHost
{
    /// <summary>All documents of a collection of the same database; empty when it does not exist.</summary>
    IEnumerable<BsonDocument> Scan(string collection);

    DateTime Now { get; }
}
