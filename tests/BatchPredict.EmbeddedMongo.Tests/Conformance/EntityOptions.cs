using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>Read concern, write concern and read preference as spec files give them in database and collection options.</summary>
internal static class EntityOptions
{
    public static void Apply(BsonDocument options, MongoDatabaseSettings settings)
    {
        // The driver's settings refuse null, so only what the spec file gives is set.
        if (ReadConcern(options) is { } readConcern)
        {
            settings.ReadConcern = readConcern;
        }

        if (WriteConcern(options) is { } writeConcern)
        {
            settings.WriteConcern = writeConcern;
        }

        if (ReadPreference(options) is { } readPreference)
        {
            settings.ReadPreference = readPreference;
        }
    }

    public static void Apply(BsonDocument options, MongoCollectionSettings settings)
    {
        if (ReadConcern(options) is { } readConcern)
        {
            settings.ReadConcern = readConcern;
        }

        if (WriteConcern(options) is { } writeConcern)
        {
            settings.WriteConcern = writeConcern;
        }

        if (ReadPreference(options) is { } readPreference)
        {
            settings.ReadPreference = readPreference;
        }
    }

    private static ReadConcern? ReadConcern(BsonDocument options) =>
        options.GetValue("readConcern", null)?.AsBsonDocument is { } readConcern
            ? new ReadConcern(Enum.Parse<ReadConcernLevel>(readConcern["level"].AsString, ignoreCase: true))
            : null;

    private static WriteConcern? WriteConcern(BsonDocument options)
    {
        if (options.GetValue("writeConcern", null)?.AsBsonDocument is not { } writeConcern)
        {
            return null;
        }

        var timeout = writeConcern.GetValue("wtimeoutMS", null) is { } ms ? TimeSpan.FromMilliseconds(ms.ToDouble()) : (TimeSpan?)null;
        var journal = writeConcern.GetValue("journal", null)?.ToBoolean();
        return writeConcern.GetValue("w", null) switch
        {
            null => new WriteConcern(wTimeout: timeout, journal: journal),
            BsonString mode => new WriteConcern(mode.Value, timeout, journal: journal),
            var w => new WriteConcern(w.ToInt32(), timeout, journal: journal),
        };
    }

    private static ReadPreference? ReadPreference(BsonDocument options)
    {
        if (options.GetValue("readPreference", null)?.AsBsonDocument is not { } readPreference)
        {
            return null;
        }

        var mode = Enum.Parse<ReadPreferenceMode>(readPreference["mode"].AsString, ignoreCase: true);
        var staleness = readPreference.GetValue("maxStalenessSeconds", null) is { } seconds ? TimeSpan.FromSeconds(seconds.ToDouble()) : (TimeSpan?)null;
        return new ReadPreference(mode, maxStaleness: staleness);
    }
}
