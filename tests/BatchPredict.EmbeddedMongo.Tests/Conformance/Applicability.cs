using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// Decides whether a test applies to this server: a standalone ("single" topology) MongoDB of the version it reports,
/// without authentication, serverless or client-side encryption, and without the features it does not claim. The reason
/// returned is a class of reasons (no test-specific detail), so the run can count tests per reason.
/// </summary>
internal static class Applicability
{
    // Features spec files exercise that the embedded server does not claim to implement (see docs/EMBEDDED-MONGO.md).
    private static readonly Dictionary<string, string> UnclaimedArguments = new(StringComparer.Ordinal)
    {
        ["collation"] = "collation (not claimed by the server)",
        ["rawData"] = "rawData (not claimed by the server)",
        ["viewOn"] = "views (not claimed by the server)",
        ["validator"] = "document validation (not claimed by the server)",
    };

    private static readonly Dictionary<string, string> UnclaimedStages = new(StringComparer.Ordinal)
    {
        ["$merge"] = "aggregation stage $merge (not claimed by the server)",
        ["$listLocalSessions"] = "aggregation stage $listLocalSessions (not claimed by the server)",
    };

    public static string? Reason(BsonDocument file, BsonDocument test, Version server) =>
        Requirements(file, server)
        ?? Requirements(test, server)
        ?? (test.Contains("skipReason") ? "skipped by the spec file itself (skipReason)" : null)
        ?? test["operations"].AsBsonArray.Select(o => UnclaimedFeature(o.AsBsonDocument) ?? DriverLimitation(file, o.AsBsonDocument))
            .FirstOrDefault(r => r is not null);

    private static string? Requirements(BsonDocument owner, Version server)
    {
        if (!owner.TryGetValue("runOnRequirements", out var requirements) || requirements.AsBsonArray.Count == 0)
        {
            return null;
        }

        // Any one requirement met is enough; when none is, the first one's reason is counted.
        var reasons = requirements.AsBsonArray.Select(r => Unmet(r.AsBsonDocument, server)).ToList();
        return reasons.Any(r => r is null) ? null : reasons[0];
    }

    private static string? Unmet(BsonDocument requirement, Version server)
    {
        foreach (var element in requirement)
        {
            var reason = element.Name switch
            {
                "minServerVersion" when Compare(server, element.Value.AsString) < 0 => "minServerVersion above the server's version",
                "maxServerVersion" when Compare(server, element.Value.AsString) > 0 => "maxServerVersion below the server's version",
                "topologies" when !element.Value.AsBsonArray.Contains("single") => "topology other than standalone (replica set, sharded, load balanced)",
                "serverless" when element.Value.AsString == "require" => "serverless required",
                "auth" when element.Value.ToBoolean() => "authentication required",
                "authMechanism" => "authentication required",
                "csfle" when element.Value.ToBoolean() => "client-side field level encryption required",
                "serverParameters" => "server parameters required",
                "minServerVersion" or "maxServerVersion" or "topologies" or "serverless" or "auth" or "csfle" => null,
                var other => $"runner does not know the requirement {other}",
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? UnclaimedFeature(BsonDocument operation)
    {
        var name = operation["name"].AsString;
        if (operation["object"].AsString == "testRunner" && name == "failPoint")
        {
            return "failPoint (fault injection not claimed by the server)";
        }

        if (name == "clientBulkWrite")
        {
            return "client bulkWrite (a MongoDB 8.0 command)";
        }

        if (name == "modifyCollection")
        {
            return UnclaimedArguments["validator"];
        }

        if (operation.GetValue("arguments", null) is not BsonDocument arguments)
        {
            return null;
        }

        var requestArguments = arguments.GetValue("requests", null) is BsonArray requests
            ? requests.Select(r => r.AsBsonDocument[0]).OfType<BsonDocument>()
            : [];
        var argumentNames = arguments.Names.Concat(requestArguments.SelectMany(r => r.Names));
        var stageNames = arguments.GetValue("pipeline", null) is BsonArray pipeline
            ? pipeline.OfType<BsonDocument>().Where(s => s.ElementCount > 0).Select(s => s.GetElement(0).Name)
            : [];
        return argumentNames.Select(a => UnclaimedArguments.GetValueOrDefault(a))
            .Concat(stageNames.Select(s => UnclaimedStages.GetValueOrDefault(s)))
            .FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// What no server can make pass through this driver. The .NET driver sends findAndModify with w: 0 as an ordinary
    /// command (without OP_MSG moreToCome) and returns the document the server answers with, where the spec expects the
    /// driver to return nothing.
    /// </summary>
    private static string? DriverLimitation(BsonDocument file, BsonDocument operation)
    {
        if (!operation["name"].AsString.StartsWith("findOneAnd", StringComparison.Ordinal))
        {
            return null;
        }

        var entity = file.GetValue("createEntities", new BsonArray()).AsBsonArray.Cast<BsonDocument>()
            .Select(e => e.GetValue("collection", null) as BsonDocument)
            .FirstOrDefault(c => c is not null && c["id"] == operation["object"]);
        var w = entity?.GetValue("collectionOptions", null)?.AsBsonDocument.GetValue("writeConcern", null)?.AsBsonDocument.GetValue("w", null);
        return w is not null && w.IsNumeric && w.ToInt32() == 0
            ? "unacknowledged findAndModify (the .NET driver returns the server's reply, the spec expects none)"
            : null;
    }

    /// <summary>Compares with a spec version such as "4.2.99" or "3.6" (missing parts are 0).</summary>
    private static int Compare(Version server, string required)
    {
        var parts = required.Split('.').Select(int.Parse).Concat([0, 0]).Take(3).ToArray();
        var have = new[] { server.Major, Math.Max(server.Minor, 0), Math.Max(server.Build, 0) };
        for (var i = 0; i < 3; i++)
        {
            if (have[i] != parts[i])
            {
                return have[i].CompareTo(parts[i]);
            }
        }

        return 0;
    }
}
