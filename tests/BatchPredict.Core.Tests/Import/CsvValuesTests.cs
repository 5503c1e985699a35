using BatchPredict.Core.Import;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Import;

public class CsvValuesTests
{
    [Theory]
    [InlineData("42", BsonType.Int32)]
    [InlineData("-2147483648", BsonType.Int32)]
    [InlineData("2147483648", BsonType.Int64)]
    [InlineData("-9223372036854775808", BsonType.Int64)]
    [InlineData("9223372036854775808", BsonType.Double)]
    [InlineData("3.25", BsonType.Double)]
    [InlineData("-1e3", BsonType.Double)]
    [InlineData(".5", BsonType.Double)]
    [InlineData("true", BsonType.Boolean)]
    [InlineData("FALSE", BsonType.Boolean)]
    [InlineData("2024-03-01", BsonType.DateTime)]
    [InlineData("2024-03-01T10:20", BsonType.DateTime)]
    [InlineData("2024-03-01 10:20:30.125", BsonType.DateTime)]
    [InlineData("2024-03-01T10:20:30Z", BsonType.DateTime)]
    [InlineData("02134", BsonType.String)]
    [InlineData("1.", BsonType.String)]
    [InlineData("NaN", BsonType.String)]
    [InlineData("ATL", BsonType.String)]
    [InlineData("2024/03/01", BsonType.String)]
    [InlineData("yes", BsonType.String)]
    public void Infer_UnquotedValue_GetsItsType(string text, BsonType expected)
    {
        Assert.Equal(expected, CsvValues.Infer(new CsvField(text, Quoted: false)).BsonType);
    }

    [Fact]
    public void Infer_QuotedNumber_IsStillANumber()
    {
        Assert.Equal(new BsonInt32(7), CsvValues.Infer(new CsvField("7", Quoted: true)));
    }

    [Fact]
    public void Infer_Empty_IsNullUnlessQuoted()
    {
        Assert.Equal(BsonNull.Value, CsvValues.Infer(new CsvField("", Quoted: false)));
        Assert.Equal(new BsonString(""), CsvValues.Infer(new CsvField("", Quoted: true)));
    }

    [Fact]
    public void Infer_Int64Value_KeepsAllDigits()
    {
        Assert.Equal(new BsonInt64(9_007_199_254_740_993), CsvValues.Infer(new CsvField("9007199254740993", Quoted: false)));
    }

    [Theory]
    [InlineData("2024-03-01", "2024-03-01T00:00:00Z")]
    [InlineData("2024-03-01T10:20:30", "2024-03-01T10:20:30Z")]
    [InlineData("2024-03-01T10:20:30.5", "2024-03-01T10:20:30.5Z")]
    [InlineData("2024-03-01T10:20:30+02:00", "2024-03-01T08:20:30Z")]
    [InlineData("2024-03-01T01:00:00-05:30", "2024-03-01T06:30:00Z")]
    [InlineData("2024-03-01T10:20:30Z", "2024-03-01T10:20:30Z")]
    public void Infer_IsoDate_IsUtcDateWithZoneHonoured(string text, string expectedUtc)
    {
        var value = CsvValues.Infer(new CsvField(text, Quoted: false));

        var expected = DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(DateTimeKind.Utc, value.ToUniversalTime().Kind);
        Assert.Equal(expected, value.ToUniversalTime());
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01T00:00")]
    [InlineData("2024-01-01T25:00")]
    public void Infer_DateShapedButInvalid_Throws(string text)
    {
        var error = Assert.Throws<InvalidImportValueException>(() => CsvValues.Infer(new CsvField(text, Quoted: false)));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_NumberBeyondDouble_Throws()
    {
        Assert.Throws<InvalidImportValueException>(() => CsvValues.Infer(new CsvField("1e999", Quoted: false)));
    }
}
