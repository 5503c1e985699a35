using MongoDB.Bson;
using MongoDB.Bson.Serialization.Conventions;

namespace BatchPredict.Core.Runs;

/// <summary>camelCase element names and enums as strings for the run documents, so bp_runs reads well in any shell.</summary>
internal static class RunsBsonMapping
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var pack = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new EnumRepresentationConvention(BsonType.String),
            new IgnoreExtraElementsConvention(true),
        };
        ConventionRegistry.Register("BatchPredict.Runs", pack, t => t.Namespace is "BatchPredict.Core.Runs" or "BatchPredict.Core.Scoring");
    }
}
