using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The BSON type aliases that <c>$$type</c> names: MongoDB's <c>$type</c> aliases, plus "number".</summary>
internal static class SpecTypeAliases
{
    public static bool Matches(string alias, BsonValue value)
    {
        if (alias == "number")
        {
            return value.BsonType is BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128;
        }

        try
        {
            return value.BsonType == BsonTypeAliases.Parse(alias);
        }
        catch (MongoCommandError)
        {
            throw new NotApplicableException($"runner does not know the $$type alias '{alias}'");
        }
    }
}
