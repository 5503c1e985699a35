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

    /// <summary>
    /// A field a statement of update/delete does not know (e.g. 'sort', added in MongoDB 8.0) is an error, as in MongoDB 6.0,
    /// never ignored.
    /// </summary>
    public static void RejectUnknownFields(BsonDocument statement, string path, params string[] known)
    {
        foreach (var name in statement.Names)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                throw new MongoCommandError(40415, "Location40415", $"BSON field '{path}.{name}' is an unknown field.");
            }
        }
    }

    /// <summary>Simple binary collation is what the server does anyway.</summary>
    private static bool IsHarmless(string option, BsonValue value) =>
        option == "collation" && value is BsonDocument c && c.GetValue("locale", "").ToString() == "simple";
}
