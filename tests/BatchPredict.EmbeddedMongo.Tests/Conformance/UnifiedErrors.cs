using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>expectError of the Unified Test Format: client or server error, code, code name, message fragment.</summary>
internal static class UnifiedErrors
{
    public static string? Check(BsonDocument expected, Exception error)
    {
        var (code, codeName) = error switch
        {
            MongoCommandException c => (c.Code, c.CodeName),
            MongoWriteException w => (w.WriteError.Code, ""),
            MongoBulkWriteException b when b.WriteErrors.Count > 0 => (b.WriteErrors[0].Code, ""),
            _ => (0, ""),
        };
        var isServer = error is MongoServerException;
        if (expected.TryGetValue("isClientError", out var client) && client.ToBoolean() == isServer)
        {
            return $"expected a {(client.ToBoolean() ? "client" : "server")} error, got {error.GetType().Name}: {error.Message}";
        }

        if (expected.TryGetValue("errorCode", out var expectedCode) && expectedCode.ToInt32() != code)
        {
            return $"expected error code {expectedCode}, got {code} ({error.Message})";
        }

        if (expected.TryGetValue("errorCodeName", out var name) && name.AsString != codeName && codeName.Length > 0)
        {
            return $"expected error code name {name}, got {codeName}";
        }

        if (expected.TryGetValue("errorContains", out var fragment) && !error.Message.Contains(fragment.AsString, StringComparison.OrdinalIgnoreCase))
        {
            return $"expected the error to contain '{fragment}', got '{error.Message}'";
        }

        return null;
    }
}
