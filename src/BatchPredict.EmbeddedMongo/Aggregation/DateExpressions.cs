using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>Date parts in UTC: $year $month $dayOfMonth $hour $minute $second $millisecond $dayOfWeek $dayOfYear.</summary>
internal static class DateExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        Part(operators, "$year", d => d.Year);
        Part(operators, "$month", d => d.Month);
        Part(operators, "$dayOfMonth", d => d.Day);
        Part(operators, "$hour", d => d.Hour);
        Part(operators, "$minute", d => d.Minute);
        Part(operators, "$second", d => d.Second);
        Part(operators, "$millisecond", d => d.Millisecond);
        Part(operators, "$dayOfYear", d => d.DayOfYear);
        // MongoDB numbers the week from Sunday = 1 to Saturday = 7.
        Part(operators, "$dayOfWeek", d => (int)d.DayOfWeek + 1);
    }

    private static void Part(Dictionary<string, Func<BsonValue, Expr>> operators, string name, Func<DateTime, int> part) =>
        operators[name] = spec =>
        {
            var date = Compile(DateArgument(name, spec));
            return new CallExpr([date], (v, _) => Values.IsNullish(v[0]) ? BsonNull.Value : new BsonInt32(part(ToDate(name, v[0]!))));
        };

    // {$year: <date>}, {$year: [<date>]} or {$year: {date: <date>, timezone: "UTC"}}; other time zones are refused.
    private static BsonValue DateArgument(string name, BsonValue spec)
    {
        if (spec is BsonArray { Count: 1 } single)
        {
            return single[0];
        }

        if (spec is BsonDocument d && d.Contains("date"))
        {
            var timezone = d.GetValue("timezone", "UTC");
            if (!(timezone.IsString && timezone.AsString is "UTC" or "Z" or "GMT" or "+00:00" or "Etc/UTC"))
            {
                throw MongoCommandError.NotSupported($"{name} with timezone {timezone}");
            }

            return d["date"];
        }

        return spec;
    }

    private static DateTime ToDate(string name, BsonValue value) => value.BsonType switch
    {
        BsonType.DateTime => value.ToUniversalTime(),
        BsonType.ObjectId => value.AsObjectId.CreationTime,
        BsonType.Timestamp => DateTimeOffset.FromUnixTimeSeconds(value.AsBsonTimestamp.Timestamp).UtcDateTime,
        _ => throw new MongoCommandError(16006, "Location16006", $"can't convert from BSON type {Values.TypeName(value)} to Date (in {name})"),
    };
}
