using BatchPredict.Core.Import;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Import;

public sealed class CsvRowReaderTests : IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_TypedRow_FieldsInHeaderOrderWithTheirTypes()
    {
        var path = _files.Write("typed.csv",
            "id,count,big,ratio,ok,date,when,code,note,empty,blank\n" +
            "1,42,5000000000,0.25,true,2024-03-01,2024-03-01T10:20:30+02:00,02134,ATL,,\"\"\n");

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Csv);

        var document = Assert.Single(result.Documents);
        Assert.Equal(["id", "count", "big", "ratio", "ok", "date", "when", "code", "note", "empty", "blank"], document.Names);
        Assert.Equal(new BsonInt32(42), document["count"]);
        Assert.Equal(new BsonInt64(5_000_000_000), document["big"]);
        Assert.Equal(new BsonDouble(0.25), document["ratio"]);
        Assert.Equal(BsonBoolean.True, document["ok"]);
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), document["date"].ToUniversalTime());
        Assert.Equal(new DateTime(2024, 3, 1, 8, 20, 30, DateTimeKind.Utc), document["when"].ToUniversalTime());
        Assert.Equal(new BsonString("02134"), document["code"]);
        Assert.Equal(new BsonString("ATL"), document["note"]);
        Assert.Equal(BsonNull.Value, document["empty"]);
        Assert.Equal(new BsonString(""), document["blank"]);
        Assert.Empty(result.BadRows);
    }

    [Fact]
    public async Task ReadAsync_QuotedFields_CommasQuotesAndLineBreaksKept()
    {
        var path = _files.Write("quoted.csv",
            "name,text\n" +
            "a,\"x, y\"\n" +
            "b,\"she said \"\"hi\"\"\"\n" +
            "c,\"two\nlines\"\n" +
            "d,\"\"\"\"\n" +
            "e,after\n");

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Csv);

        Assert.Empty(result.BadRows);
        Assert.Equal(["x, y", "she said \"hi\"", "two\nlines", "\"", "after"], result.Documents.Select(d => d["text"].AsString));
        Assert.Equal([2L, 3, 4, 6, 7], result.Numbers);
    }

    [Fact]
    public async Task ReadAsync_CrLfBomAndBlankLines_ReadLikePlainText()
    {
        var path = _files.PathOf("crlf.csv");
        await File.WriteAllTextAsync(path, "a,b\r\n1,x\r\n\r\n2,\"y\r\nz\"\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Csv);

        Assert.Equal(["a", "b"], result.Documents[0].Names);
        Assert.Equal([1, 2], result.Documents.Select(d => d["a"].AsInt32));
        Assert.Equal("y\nz", result.Documents[1]["b"].AsString);
        Assert.Equal([2L, 4], result.Numbers);
    }

    [Fact]
    public async Task ReadAsync_BadRows_ReportedWithLineAndReasonAndReadingGoesOn()
    {
        var path = _files.Write("bad.csv",
            "a,b\n" +
            "1,2\n" +
            "3\n" +
            "4,5,6\n" +
            "7,x\"y\n" +
            "\"8\"z,9\n" +
            "10,2024-02-30\n" +
            "11,12\n" +
            "13,\"open\n");

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Csv);

        Assert.Equal([1, 11], result.Documents.Select(d => d["a"].AsInt32));
        Assert.Collection(result.BadRows,
            bad => Assert.Equal(new BadRow("line", 3, "expected 2 fields, found 1"), bad),
            bad => Assert.Equal(new BadRow("line", 4, "expected 2 fields, found 3"), bad),
            bad => Assert.Equal(new BadRow("line", 5, "a quote inside unquoted field 2"), bad),
            bad => Assert.Equal(new BadRow("line", 6, "unexpected character 'z' after the closing quote of field 1"), bad),
            bad => Assert.Equal(new BadRow("line", 7, "column 'b': '2024-02-30' looks like an ISO-8601 date but is not a valid one"), bad),
            bad => Assert.Equal(new BadRow("line", 9, "a quoted field is still open at the end of the file"), bad));
    }

    [Fact]
    public async Task ReadAsync_BatchSizeAndMaxRows_BatchesCountBadRowsToo()
    {
        var path = _files.Write("many.csv", "n\n1\n2\n3,3\n4\n5\n6\n7\n");

        var all = await ImportFiles.ReadAllAsync(path, ImportFormat.Csv, batchSize: 2);
        var firstFour = await ImportFiles.ReadAllAsync(path, ImportFormat.Csv, batchSize: 3, maxRows: 4);

        Assert.Equal([2L, 2, 2, 1], all.Batches.Select(b => b.RowsRead));
        Assert.Null(all.TotalRows);
        Assert.Equal([1, 2, 4], firstFour.Documents.Select(d => d["n"].AsInt32));
        Assert.Equal(4L, Assert.Single(firstFour.BadRows).Number);
        Assert.Equal([3L, 1], firstFour.Batches.Select(b => b.RowsRead));
    }

    [Fact]
    public async Task OpenAsync_EmptyFile_ThrowsNamingTheFile()
    {
        var path = _files.Write("empty.csv", "");

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(path, ImportFormat.Csv));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b,a\n1,2,3\n", "more than once")]
    [InlineData("a,,c\n1,2,3\n", "empty column name")]
    [InlineData("a,\"b\n", "header row cannot be read")]
    public async Task OpenAsync_BadHeader_ThrowsNamingTheFileAndWhy(string text, string why)
    {
        var path = _files.Write("header.csv", text);

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(path, ImportFormat.Csv));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingFile_ThrowsNamingTheFile()
    {
        var path = _files.PathOf("missing.csv");

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(path, ImportFormat.Csv));

        Assert.Equal($"'{path}' does not exist.", error.Message);
    }
}
