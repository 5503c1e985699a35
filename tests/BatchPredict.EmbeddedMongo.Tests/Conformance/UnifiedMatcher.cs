using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// Result matching of the Unified Test Format: numbers compare by value across int/long/double, root-level documents
/// may carry extra fields, and the special operators $$exists, $$type, $$unsetOrMatches, $$matchesEntity,
/// $$matchesHexBytes and $$lte are understood.
/// </summary>
internal sealed class UnifiedMatcher(IReadOnlyDictionary<string, BsonValue> entities)
{
    /// <summary>Null when it matches, else where and why not.</summary>
    public string? Match(BsonValue expected, BsonValue? actual, bool root, string path = "$")
    {
        if (expected is BsonDocument special && special.ElementCount == 1 && special.GetElement(0).Name.StartsWith("$$", StringComparison.Ordinal))
        {
            return Special(special.GetElement(0), actual, path);
        }

        if (actual is null)
        {
            return $"{path}: missing, expected {expected}";
        }

        switch (expected)
        {
            case BsonDocument document:
                if (actual is not BsonDocument actualDocument)
                {
                    return $"{path}: expected a document, got {actual}";
                }

                foreach (var element in document)
                {
                    var value = element.Value;
                    var isUnsetOk = value is BsonDocument { ElementCount: 1 } op
                        && ((op.GetElement(0).Name == "$$exists" && !op[0].ToBoolean()) || op.GetElement(0).Name == "$$unsetOrMatches");
                    if (!actualDocument.TryGetValue(element.Name, out var inner))
                    {
                        if (isUnsetOk)
                        {
                            continue;
                        }

                        return $"{path}.{element.Name}: missing";
                    }

                    if (Match(value, inner, false, $"{path}.{element.Name}") is { } failure)
                    {
                        return failure;
                    }
                }

                if (!root)
                {
                    var extra = actualDocument.Names.FirstOrDefault(n => !document.Contains(n));
                    if (extra is not null)
                    {
                        return $"{path}: unexpected field {extra}";
                    }
                }

                return null;
            case BsonArray array:
                if (actual is not BsonArray actualArray || actualArray.Count != array.Count)
                {
                    return $"{path}: expected {array}, got {actual}";
                }

                // The documents of a root-level array (a find result) are root-level documents too.
                for (var i = 0; i < array.Count; i++)
                {
                    if (Match(array[i], actualArray[i], root, $"{path}[{i}]") is { } failure)
                    {
                        return failure;
                    }
                }

                return null;
            default:
                return SameValue(expected, actual) ? null : $"{path}: expected {expected}, got {actual}";
        }
    }

    private static bool SameValue(BsonValue expected, BsonValue actual) =>
        expected.IsNumeric && actual.IsNumeric ? expected.ToDouble() == actual.ToDouble() : expected.Equals(actual);

    private string? Special(BsonElement op, BsonValue? actual, string path)
    {
        switch (op.Name)
        {
            case "$$exists":
                return (actual is not null) == op.Value.ToBoolean() ? null : $"{path}: $$exists {op.Value}";
            case "$$unsetOrMatches":
                return actual is null ? null : Match(op.Value, actual, false, path);
            case "$$type":
                var types = op.Value is BsonArray many ? many.Select(t => t.AsString) : [op.Value.AsString];
                return actual is not null && types.Any(t => TypeName(actual) == t || (t == "number" && actual.IsNumeric))
                    ? null
                    : $"{path}: expected type {op.Value}, got {actual?.BsonType}";
            case "$$matchesEntity":
                return Match(entities[op.Value.AsString], actual, false, path);
            case "$$matchesHexBytes":
                return actual is BsonBinaryData binary && Convert.ToHexString(binary.Bytes).Equals(op.Value.AsString, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"{path}: bytes differ";
            case "$$lte":
                return actual is not null && actual.IsNumeric && actual.ToDouble() <= op.Value.ToDouble() ? null : $"{path}: not <= {op.Value}";
            default:
                return $"{path}: operator {op.Name} is not understood by the runner";
        }
    }

    private static string TypeName(BsonValue value) => value.BsonType switch
    {
        BsonType.Double => "double",
        BsonType.String => "string",
        BsonType.Document => "object",
        BsonType.Array => "array",
        BsonType.Binary => "binData",
        BsonType.ObjectId => "objectId",
        BsonType.Boolean => "bool",
        BsonType.DateTime => "date",
        BsonType.Null => "null",
        BsonType.Int32 => "int",
        BsonType.Int64 => "long",
        BsonType.Decimal128 => "decimal",
        BsonType.Timestamp => "timestamp",
        _ => value.BsonType.ToString(),
    };
}
