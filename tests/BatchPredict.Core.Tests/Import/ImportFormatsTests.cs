using BatchPredict.Core.Import;

namespace BatchPredict.Core.Tests.Import;

public class ImportFormatsTests
{
    [Theory]
    [InlineData("data/flights.parquet", ImportFormat.Parquet)]
    [InlineData("a.CSV", ImportFormat.Csv)]
    [InlineData("a.jsonl", ImportFormat.JsonLines)]
    [InlineData("a.ndjson", ImportFormat.JsonLines)]
    public void FromExtension_KnownExtension_GivesFormat(string path, ImportFormat expected)
    {
        Assert.Equal(expected, ImportFormats.FromExtension(path));
    }

    [Fact]
    public void FromExtension_UnknownExtension_AsksForFormat()
    {
        var error = Assert.Throws<BatchPredictException>(() => ImportFormats.FromExtension("data.txt"));

        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
        Assert.Contains("data.txt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parquet", ImportFormat.Parquet)]
    [InlineData("CSV", ImportFormat.Csv)]
    [InlineData("jsonl", ImportFormat.JsonLines)]
    public void Parse_Name_GivesFormat(string name, ImportFormat expected)
    {
        Assert.Equal(expected, ImportFormats.Parse(name));
    }

    [Fact]
    public void Parse_UnknownName_Throws()
    {
        Assert.Throws<BatchPredictException>(() => ImportFormats.Parse("xml"));
    }
}
