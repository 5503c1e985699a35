namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>The naming rules MongoDB applies to databases and collections.</summary>
internal static class CollectionNames
{
    public static void Validate(string database, string collection)
    {
        if (database.Length == 0 || database.IndexOfAny(['/', '\\', '.', ' ', '"', '$', '\0']) >= 0)
        {
            throw new MongoCommandError(ErrorCodes.InvalidNamespace, "InvalidNamespace", $"Invalid database name: '{database}'");
        }

        if (collection.Length == 0 || collection.Contains('\0') || collection.StartsWith('.') || collection.Contains('$'))
        {
            throw new MongoCommandError(ErrorCodes.InvalidNamespace, "InvalidNamespace", $"Invalid collection name: {database}.{collection}");
        }
    }
}
