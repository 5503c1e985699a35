using BatchPredict.Core.Import;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Import;

public sealed class JsonLinesRowReaderTests : IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_ExtendedJson_KeepsBsonTypes()
    {
        var path = _files.Write("typed.jsonl",
            """{"_id": {"$oid": "65f000000000000000000001"}, "at": {"$date": "2024-03-01T10:20:30Z"}, "n": {"$numberLong": "7"}, "d": {"$numberDecimal": "1.10"}}""" + "\n" +
            """{"at": {"$date": {"$numberLong": "0"}}, "small": 5, "large": 5000000000, "x": 1.5, "ok": false, "none": null, "iso": "2024-03-01", "sub": {"a": [1, "b"]}}""" + "\n");

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.JsonLines);

        Assert.Empty(result.BadRows);
        var (first, second) = (result.Documents[0], result.Documents[1]);
        Assert.Equal(ObjectId.Parse("65f000000000000000000001"), first["_id"].AsObjectId);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 20, 30, DateTimeKind.Utc), first["at"].ToUniversalTime());
        Assert.Equal(new BsonInt64(7), first["n"]);
        Assert.Equal(BsonType.Decimal128, first["d"].BsonType);
        Assert.Equal(DateTime.UnixEpoch, second["at"].ToUniversalTime());
        Assert.Equal(new BsonInt32(5), second["small"]);
        Assert.Equal(new BsonInt64(5_000_000_000), second["large"]);
        Assert.Equal(new BsonDouble(1.5), second["x"]);
        Assert.Equal(BsonBoolean.False, second["ok"]);
        Assert.Equal(BsonNull.Value, second["none"]);
        Assert.Equal(new BsonString("2024-03-01"), second["iso"]);
        Assert.Equal(new BsonArray { 1, "b" }, second["sub"]["a"]);
    }

    [Fact]
    public async Task ReadAsync_BadLines_ReportedWithLineAndReadingGoesOn()
    {
        var path = _files.Write("bad.jsonl",
            "{\"n\": 1}\n" +
            "{\"n\": \n" +
            "\n" +
            "[1, 2]\n" +
            "{\"n\": 2} extra\n" +
            "{\"n\": 3}\n");

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.JsonLines);

        Assert.Equal([1, 3], result.Documents.Select(d => d["n"].AsInt32));
        Assert.Equal([1L, 6], result.Numbers);
        Assert.Equal([2L, 4, 5], result.BadRows.Select(b => b.Number));
        Assert.All(result.BadRows, bad => Assert.StartsWith("not a JSON object: ", bad.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_MaxRows_StopsAfterThatManyLines()
    {
        var path = _files.Write("many.jsonl", string.Concat(Enumerable.Range(1, 10).Select(i => $"{{\"n\": {i}}}\n")));

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.JsonLines, batchSize: 4, maxRows: 6);

        Assert.Equal([1, 2, 3, 4, 5, 6], result.Documents.Select(d => d["n"].AsInt32));
        Assert.Equal([4L, 2], result.Batches.Select(b => b.RowsRead));
    }

    [Fact]
    public async Task OpenAsync_NotJsonLines_ThrowsNamingTheFile()
    {
        var path = _files.Write("table.jsonl", "a,b\n1,2\n");

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(path, ImportFormat.JsonLines));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a JSON lines file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_EmptyFile_ReadsNothing()
    {
        var path = _files.Write("empty.jsonl", "\n\n");

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.JsonLines);

        Assert.Empty(result.Batches);
    }
}
