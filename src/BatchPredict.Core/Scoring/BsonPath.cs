using MongoDB.Bson;

namespace BatchPredict.Core.Scoring;

/// <summary>Dotted path lookup: "a.b" walks embedded documents, a numeric segment indexes an array ("legs.0.from").</summary>
public static class BsonPath
{
    /// <summary>The value at <paramref name="segments"/>, or null when a step is missing (BsonNull is returned as is).</summary>
    public static BsonValue? Find(BsonDocument document, string[] segments)
    {
        BsonValue current = document;
        foreach (var segment in segments)
        {
            switch (current)
            {
                case BsonDocument d when d.TryGetValue(segment, out var next):
                    current = next;
                    break;
                case BsonArray a when int.TryParse(segment, out var index) && index >= 0 && index < a.Count:
                    current = a[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}
