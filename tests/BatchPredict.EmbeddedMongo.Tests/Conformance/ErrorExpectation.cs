using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// Checks an operation's error against <c>expectError</c>. A client error is one the driver raised itself (argument
/// validation, GridFS file checks); a server's answer or a broken connection never counts as one.
/// </summary>
internal static class ErrorExpectation
{
    public static void Check(string operation, BsonDocument expected, Exception error, ResultMatcher matcher)
    {
        foreach (var element in expected)
        {
            if (Mismatch(element, error, matcher) is { } failure)
            {
                throw new SpecMismatchException($"{operation}: {failure}; the error was {Describe(error)}");
            }
        }
    }

    public static string Describe(Exception error) => error switch
    {
        MongoBulkWriteException bulk => $"{error.GetType().Name} [{string.Join("; ", bulk.WriteErrors.Select(e => $"#{e.Index} {e.Code}: {e.Message}"))}]",
        MongoWriteException write => $"{error.GetType().Name} {write.WriteError?.Code}: {write.WriteError?.Message ?? write.Message}",
        MongoCommandException command => $"{error.GetType().Name} {command.Code} {command.CodeName}: {command.ErrorMessage}",
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    private static string? Mismatch(BsonElement expectation, Exception error, ResultMatcher matcher)
    {
        switch (expectation.Name)
        {
            case "isError":
                return null;
            case "isClientError":
                return IsClientError(error) == expectation.Value.ToBoolean()
                    ? null
                    : $"expected {(expectation.Value.ToBoolean() ? "a client" : "a server")} error";
            case "errorContains":
                var text = expectation.Value.AsString;
                return Messages(error).Any(m => m.Contains(text, StringComparison.OrdinalIgnoreCase)) ? null : $"expected the error to contain '{text}'";
            case "errorCode":
                var code = expectation.Value.ToInt32();
                return Codes(error).Contains(code) ? null : $"expected error code {code}";
            case "errorCodeName":
                var codeName = expectation.Value.AsString;
                return error is MongoCommandException command && command.CodeName == codeName ? null : $"expected error code name {codeName}";
            case "errorLabelsContain":
                var missing = expectation.Value.AsBsonArray.Select(l => l.AsString).Where(l => !HasLabel(error, l)).ToList();
                return missing.Count == 0 ? null : $"expected error labels {string.Join(", ", missing)}";
            case "errorLabelsOmit":
                var present = expectation.Value.AsBsonArray.Select(l => l.AsString).Where(l => HasLabel(error, l)).ToList();
                return present.Count == 0 ? null : $"expected no error labels {string.Join(", ", present)}";
            case "errorResponse":
                return error is MongoCommandException response
                    ? matcher.Match(expectation.Value, response.Result)
                    : "expected a server response document, but the error has none";
            case "expectResult":
                return error is MongoBulkWriteException<BsonDocument> partial
                    ? matcher.Match(expectation.Value, WriteResults.From(partial.Result))
                    : "expected a partial bulk write result, but the error has none";
            default:
                throw new NotApplicableException($"runner does not check expectError.{expectation.Name}");
        }
    }

    private static bool IsClientError(Exception error) =>
        error is not (MongoServerException or MongoConnectionException or TimeoutException or OperationCanceledException);

    private static bool HasLabel(Exception error, string label) => error is MongoException mongo && mongo.HasErrorLabel(label);

    private static IEnumerable<int> Codes(Exception error) => error switch
    {
        MongoBulkWriteException bulk => bulk.WriteErrors.Select(e => e.Code).Concat(bulk.WriteConcernError is { } wc ? [wc.Code] : []),
        MongoWriteException write => write.WriteError is { } writeError ? [writeError.Code] : write.WriteConcernError is { } wc ? [wc.Code] : [],
        MongoCommandException command => [command.Code],
        _ => [],
    };

    private static IEnumerable<string> Messages(Exception error) => error switch
    {
        MongoBulkWriteException bulk => bulk.WriteErrors.Select(e => e.Message).Append(bulk.Message),
        MongoWriteException write => [write.WriteError?.Message ?? string.Empty, write.Message],
        MongoCommandException command => [command.ErrorMessage ?? string.Empty, command.Message],
        _ => [error.Message],
    };
}
