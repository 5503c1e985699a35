using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The unified test format's matching rules: numbers compare by value, root-level documents (and documents directly in a
/// root-level array) may carry extra fields, nested ones may not, and the special operators <c>$$exists</c>,
/// <c>$$type</c>, <c>$$unsetOrMatches</c>, <c>$$matchesEntity</c>, <c>$$matchesHexBytes</c> and <c>$$sessionLsid</c>.
/// </summary>
internal sealed class ResultMatcher(Func<string, BsonValue> entityValue)
{
    /// <summary>Null when <paramref name="actual"/> matches, else where and how it differs.</summary>
    public string? Match(BsonValue expected, BsonValue? actual) => Match(expected, actual, "result", isRoot: true);

    /// <summary>Exact comparison for final collection contents: no extra fields anywhere, numbers still by value.</summary>
    public string? MatchExactly(BsonValue expected, BsonValue? actual) => Match(expected, actual, "document", isRoot: false);

    private string? Match(BsonValue expected, BsonValue? actual, string path, bool isRoot)
    {
        if (SpecialOperator(expected) is { } special)
        {
            return MatchSpecial(special.Name, special.Value, actual, path, isRoot);
        }

        if (actual is null)
        {
            return $"{path}: expected {Show(expected)} but it is missing";
        }

        return expected switch
        {
            BsonDocument document => MatchDocument(document, actual, path, isRoot),
            BsonArray array => MatchArray(array, actual, path, isRoot),
            _ when IsNumber(expected) && IsNumber(actual) =>
                expected.ToDouble() == actual.ToDouble() ? null : $"{path}: expected {Show(expected)} but was {Show(actual)}",
            _ => expected.Equals(actual) ? null : $"{path}: expected {Show(expected)} but was {Show(actual)}",
        };
    }

    private string? MatchDocument(BsonDocument expected, BsonValue actual, string path, bool isRoot)
    {
        if (actual is not BsonDocument document)
        {
            return $"{path}: expected a document {Show(expected)} but was {Show(actual)}";
        }

        foreach (var element in expected)
        {
            var found = document.TryGetValue(element.Name, out var value) ? value : null;
            if (Match(element.Value, found, $"{path}.{element.Name}", isRoot: false) is { } failure)
            {
                return failure;
            }
        }

        if (!isRoot && document.Names.FirstOrDefault(name => !expected.Contains(name)) is { } extra)
        {
            return $"{path}: unexpected field '{extra}' in {Show(document)}";
        }

        return null;
    }

    private string? MatchArray(BsonArray expected, BsonValue actual, string path, bool isRoot)
    {
        if (actual is not BsonArray array)
        {
            return $"{path}: expected an array {Show(expected)} but was {Show(actual)}";
        }

        if (array.Count != expected.Count)
        {
            return $"{path}: expected {expected.Count} elements {Show(expected)} but got {array.Count} {Show(array)}";
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var elementIsRoot = isRoot && expected[i] is BsonDocument;
            if (Match(expected[i], array[i], $"{path}[{i}]", elementIsRoot) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    private string? MatchSpecial(string name, BsonValue argument, BsonValue? actual, string path, bool isRoot)
    {
        switch (name)
        {
            case "$$exists":
                return argument.ToBoolean() == (actual is not null)
                    ? null
                    : $"{path}: expected it {(argument.ToBoolean() ? "to exist" : "to be absent")} but was {Show(actual)}";
            case "$$unsetOrMatches":
                return actual is null ? null : Match(argument, actual, path, isRoot);
            case "$$type":
                var aliases = argument is BsonArray list ? list.Select(a => a.AsString).ToArray() : [argument.AsString];
                return actual is not null && aliases.Any(alias => SpecTypeAliases.Matches(alias, actual))
                    ? null
                    : $"{path}: expected a value of type {string.Join(" or ", aliases)} but was {Show(actual)}";
            case "$$matchesEntity":
                return Match(entityValue(argument.AsString), actual, path, isRoot);
            case "$$matchesHexBytes":
                return actual is BsonBinaryData binary && Convert.ToHexString(binary.Bytes).Equals(argument.AsString, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"{path}: expected bytes {argument.AsString} but was {Show(actual)}";
            case "$$sessionLsid":
                return null;
            default:
                throw new NotApplicableException($"runner does not implement the matching operator {name}");
        }
    }

    private static (string Name, BsonValue Value)? SpecialOperator(BsonValue expected) =>
        expected is BsonDocument { ElementCount: 1 } document && document.GetElement(0).Name.StartsWith("$$", StringComparison.Ordinal)
            ? (document.GetElement(0).Name, document[0])
            : null;

    // Decimal128 is deliberately left out: the format compares it by type as well as value.
    private static bool IsNumber(BsonValue value) => value.BsonType is BsonType.Int32 or BsonType.Int64 or BsonType.Double;

    private static string Show(BsonValue? value)
    {
        if (value is null)
        {
            return "(missing)";
        }

        var text = value.ToJson();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
