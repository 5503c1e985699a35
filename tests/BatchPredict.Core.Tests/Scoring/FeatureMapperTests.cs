using BatchPredict.Core.Jobs;
using BatchPredict.Core.Scoring;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Scoring;

public sealed class FeatureMapperTests
{
    private static FeatureMapping Single(string path, ValueRule missing = ValueRule.DeadLetter, ValueRule invalid = ValueRule.DeadLetter, double? def = null, DatePart? part = null) =>
        new("X", path, FeatureType.Single, part, def is { } d ? new BsonDouble(d) : null, missing, invalid);

    private static (MapOutcome Outcome, FeatureBatch Batch) Map(FeatureMapping feature, BsonDocument document)
    {
        var batch = new FeatureBatch([feature], 4);
        return (new FeatureMapper([feature]).Map(document, batch), batch);
    }

    public static TheoryData<BsonValue, float> Numbers => new()
    {
        { new BsonInt32(42), 42f },
        { new BsonInt64(1_234_567L), 1_234_567f },
        { new BsonDouble(2.5), 2.5f },
        { new BsonDecimal128(Decimal128.Parse("19.25")), 19.25f },
        { new BsonString("3.75"), 3.75f },
        { new BsonString("-1e3"), -1000f },
        { BsonBoolean.True, 1f },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Map_NumericForms_BecomeSingle(BsonValue value, float expected)
    {
        var (outcome, batch) = Map(Single("v"), new BsonDocument { { "_id", 1 }, { "v", value } });

        Assert.Equal(MapStatus.Mapped, outcome.Status);
        Assert.Equal(expected, batch.Singles(0)[0]);
        Assert.Equal(new BsonInt32(1), batch.Ids[0]);
    }

    public static TheoryData<BsonValue, string> Invalid => new()
    {
        { new BsonDouble(double.NaN), "NaN" },
        { new BsonDouble(double.PositiveInfinity), "+Infinity" },
        { new BsonDouble(double.NegativeInfinity), "-Infinity" },
        { new BsonDouble(1e300), "beyond float range" },
        { new BsonDecimal128(Decimal128.Parse("1E+100")), "beyond float range" },
        { new BsonDecimal128(Decimal128.QNaN), "NaN" },
        { new BsonString("abc"), "'abc' is not a number" },
        { new BsonDocument("a", 1), "Document is not a number" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Map_InvalidNumber_DeadLettersWithReason(BsonValue value, string reason)
    {
        var (outcome, batch) = Map(Single("v"), new BsonDocument { { "_id", 1 }, { "v", value } });

        Assert.Equal(MapStatus.DeadLetter, outcome.Status);
        Assert.Equal("v", outcome.Field);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Map_InvalidWithDefaultRule_UsesTheDefault()
    {
        var (outcome, batch) = Map(Single("v", invalid: ValueRule.Default, def: -1), new BsonDocument { { "_id", 1 }, { "v", double.NaN } });

        Assert.Equal(MapStatus.Mapped, outcome.Status);
        Assert.Equal(-1f, batch.Singles(0)[0]);
    }

    [Theory]
    [InlineData(ValueRule.DeadLetter, MapStatus.DeadLetter)]
    [InlineData(ValueRule.Skip, MapStatus.Skipped)]
    [InlineData(ValueRule.Default, MapStatus.Mapped)]
    public void Map_MissingAndNull_FollowTheMissingRule(ValueRule rule, MapStatus expected)
    {
        var feature = Single("a.b", missing: rule, def: 7);

        var (missing, batch) = Map(feature, new BsonDocument { { "_id", 1 }, { "a", new BsonDocument() } });
        var (isNull, _) = Map(feature, new BsonDocument { { "_id", 2 }, { "a", new BsonDocument("b", BsonNull.Value) } });

        Assert.Equal(expected, missing.Status);
        Assert.Equal(expected, isNull.Status);
        if (expected == MapStatus.Mapped)
        {
            Assert.Equal(7f, batch.Singles(0)[0]);
        }
        else
        {
            Assert.Equal("missing", missing.Reason);
            Assert.Equal("null", isNull.Reason);
        }
    }

    [Fact]
    public void Map_DottedPathWithArrayIndex_ReadsTheNestedValue()
    {
        var doc = BsonDocument.Parse("""{ "_id": 1, "legs": [ { "km": 10 }, { "km": 25.5 } ] }""");

        var (outcome, batch) = Map(Single("legs.1.km"), doc);

        Assert.Equal(MapStatus.Mapped, outcome.Status);
        Assert.Equal(25.5f, batch.Singles(0)[0]);
    }

    [Theory]
    [InlineData(DatePart.Hour, 17f)]
    [InlineData(DatePart.DayOfWeek, 6f)] // 2024-06-02 is a Sunday: Monday = 0 .. Sunday = 6
    [InlineData(DatePart.Month, 6f)]
    [InlineData(DatePart.Year, 2024f)]
    [InlineData(DatePart.DayOfMonth, 2f)]
    public void Map_DateParts_TakenInUtc(DatePart part, float expected)
    {
        var doc = new BsonDocument { { "_id", 1 }, { "date", new BsonDateTime(new DateTime(2024, 6, 2, 17, 45, 0, DateTimeKind.Utc)) } };

        var (outcome, batch) = Map(Single("date", part: part), doc);

        Assert.Equal(MapStatus.Mapped, outcome.Status);
        Assert.Equal(expected, batch.Singles(0)[0]);
    }

    [Fact]
    public void Map_DatePartOfANumber_IsInvalid()
    {
        var (outcome, _) = Map(Single("date", part: DatePart.Hour), new BsonDocument { { "_id", 1 }, { "date", 12 } });

        Assert.Equal(MapStatus.DeadLetter, outcome.Status);
        Assert.Contains("not a date", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_StringsAndBooleans_BecomeCategoriesAndFlags()
    {
        FeatureMapping[] features =
        [
            new("Origin", "origin", FeatureType.String, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
            new("Code", "code", FeatureType.String, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
            new("Hub", "hub", FeatureType.Boolean, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
            new("Intl", "intl", FeatureType.Boolean, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
        ];
        var batch = new FeatureBatch(features, 2);
        var doc = new BsonDocument { { "_id", 1 }, { "origin", "ATL" }, { "code", 123L }, { "hub", true }, { "intl", "False" } };

        var outcome = new FeatureMapper(features).Map(doc, batch);

        Assert.Equal(MapStatus.Mapped, outcome.Status);
        Assert.Equal("ATL", batch.Strings(0)[0]);
        Assert.Equal("123", batch.Strings(1)[0]);
        Assert.True(batch.Booleans(2)[0]);
        Assert.False(batch.Booleans(3)[0]);
    }

    [Fact]
    public void Map_OneBadFeature_LeavesTheRowUncommitted()
    {
        FeatureMapping[] features = [Single("a"), Single("b") with { Column = "Y" }];
        var batch = new FeatureBatch(features, 2);
        var mapper = new FeatureMapper(features);

        var bad = mapper.Map(new BsonDocument { { "_id", 1 }, { "a", 1 }, { "b", "x" } }, batch);
        var good = mapper.Map(new BsonDocument { { "_id", 2 }, { "a", 5 }, { "b", 6 } }, batch);

        Assert.Equal(MapStatus.DeadLetter, bad.Status);
        Assert.Equal("b", bad.Field);
        Assert.Equal(MapStatus.Mapped, good.Status);
        Assert.Equal(1, batch.Count);
        Assert.Equal(new BsonInt32(2), batch.Ids[0]);
        Assert.Equal(5f, batch.Singles(0)[0]);
    }

    [Fact]
    public void Constructor_DefaultOfTheWrongType_IsRefused()
    {
        var feature = new FeatureMapping("X", "x", FeatureType.Boolean, null, new BsonString("maybe"), ValueRule.Default, ValueRule.DeadLetter);

        var error = Assert.Throws<BatchPredictException>(() => new FeatureMapper([feature]));

        Assert.Contains("'X'", error.Message, StringComparison.Ordinal);
    }
}
