using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>Options that would change a command's result and that the embedded server does not implement: refused by name.</summary>
internal static class Unsupported
{
    public static void Reject(BsonDocument body, params string[] options)
    {
        foreach (var option in options)
        {
            if (body.TryGetValue(option, out var value) && !value.IsBsonNull && !IsHarmless(option, value))
            {
                throw MongoCommandError.NotSupported($"the '{option}' option of {body.GetElement(0).Name}");
            }
        }
    }

    /// <summary>Simple binary collation is what the server does anyway.</summary>
    private static bool IsHarmless(string option, BsonValue value) =>
        option == "collation" && value is BsonDocument c && c.GetValue("locale", "").ToString() == "simple";
}
