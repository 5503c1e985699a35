using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>Builds the document an upsert starts from: the equality fields of its filter.</summary>
internal static class UpsertSeed
{
    public static BsonDocument FromFilter(BsonDocument filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var seed = new BsonDocument();
        Collect(filter, seed);
        if (seed.TryGetValue("_id", out var id) && seed.IndexOfName("_id") != 0)
        {
            seed.Remove("_id");
            seed.InsertAt(0, new BsonElement("_id", id));
        }

        return seed;
    }

    private static void Collect(BsonDocument filter, BsonDocument seed)
    {
        foreach (var element in filter)
        {
            if (element.Name == "$and" && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses.OfType<BsonDocument>())
                {
                    Collect(clause, seed);
                }
            }
            else if (!element.Name.StartsWith('$') && EqualityValue(element.Value) is { } value)
            {
                Set(seed, element.Name.Split('.'), value);
            }
        }
    }

    private static BsonValue? EqualityValue(BsonValue condition)
    {
        if (!FilterParser.IsOperatorDocument(condition))
        {
            return condition.BsonType == BsonType.RegularExpression ? null : condition;
        }

        return condition.AsBsonDocument.TryGetValue("$eq", out var eq) ? eq : null;
    }

    private static void Set(BsonDocument seed, string[] parts, BsonValue value)
    {
        var current = seed;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!current.TryGetValue(parts[i], out var child))
            {
                child = new BsonDocument();
                current.Add(parts[i], child);
            }

            if (child is not BsonDocument next)
            {
                return;
            }

            current = next;
        }

        if (!current.Contains(parts[^1]))
        {
            current.Add(parts[^1], value);
        }
    }
}
